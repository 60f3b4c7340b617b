/**
 * Coverage-guided fuzz targets (Jazzer), one class per input handler, all run the same way.
 *
 * <h2>Adding a target (GeoJSON, KML, CSV, tour files ...)</h2>
 * <ol>
 *   <li>Create {@code <Thing>FuzzTest} in this package with exactly one {@code @FuzzTest} method taking
 *       {@code byte[]} (decode it with {@link org.ferganaatlas.fuzz.FuzzInput}). It must call the real
 *       parser and fail only on a bug: catch the parser's own documented "bad input" exception, let
 *       everything else (NullPointerException, StackOverflowError, an assertion about the result)
 *       escape.</li>
 *   <li>Commit a seed corpus of real files in
 *       {@code src/test/resources/org/ferganaatlas/fuzz/<Thing>FuzzTestInputs/<method>/}: small,
 *       realistic, one input per file.</li>
 *   <li>Nothing else: {@code ./mvnw verify} replays the seeds (regression mode) and
 *       {@code ./mvnw -Pfuzz test} fuzzes every class named {@code *FuzzTest} in this package, each in
 *       its own JVM, for {@code -Dfuzz.seconds} (default 60) each. Keep the CI total in mind
 *       ({@code .ci/run}): lower {@code fuzz.seconds} there as targets are added.</li>
 * </ol>
 *
 * <h2>When the fuzzer finds a crash</h2>
 * Jazzer writes the input as {@code crash-<sha1>} into the target's inputs directory above, where it
 * becomes a regression test in every later {@code verify}. Fix the bug, keep the file (rename it to say
 * what it is), and add a readable unit test for the case next to the handler's other tests.
 * See {@code docs/fuzzing.md}.
 */
package org.ferganaatlas.fuzz;
