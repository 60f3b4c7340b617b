package org.ferganaatlas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the atlas, as rules that say why (see docs/ARCHITECTURE.md):
 * model (plain records) &lt; logic (pure rules: folding, geodesy, queries) &lt; data (SQL) &lt; map (tiles,
 * drawing) &lt; gui (JavaFX panels). Lower layers never reach up.
 */
class LayerRulesTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ferganaatlas");
    }

    @Test
    void layersOnlyDependDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("model").definedBy("org.ferganaatlas.model..")
                .layer("logic").definedBy("org.ferganaatlas.logic..")
                .layer("data").definedBy("org.ferganaatlas.data..")
                .layer("map").definedBy("org.ferganaatlas.map..")
                .layer("gui").definedBy("org.ferganaatlas.gui..")
                // Only the window composes everything; panels talk through AtlasState, not to each other.
                .whereLayer("gui").mayNotBeAccessedByAnyLayer()
                // Tiles are drawn from data; nothing below the map knows how things look on screen.
                .whereLayer("map").mayOnlyBeAccessedByLayers("gui")
                // SQL stays behind the data layer so the schema can change in one place.
                .whereLayer("data").mayOnlyBeAccessedByLayers("map", "gui")
                .whereLayer("logic").mayOnlyBeAccessedByLayers("data", "map", "gui")
                .because("a layer that reaches up ties the data and the rules to one screen layout")
                .check(main);
    }

    @Test
    void guiFeaturesMeetOnlyThroughTheSharedState() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("app").definedBy("org.ferganaatlas.gui.app..")
                .layer("map").definedBy("org.ferganaatlas.gui.map..")
                .layer("panels").definedBy("org.ferganaatlas.gui.panels..")
                .layer("records").definedBy("org.ferganaatlas.gui.records..")
                .layer("search").definedBy("org.ferganaatlas.gui.search..")
                .layer("layers").definedBy("org.ferganaatlas.gui.layers..")
                .layer("handout").definedBy("org.ferganaatlas.gui.handout..")
                .layer("tours").definedBy("org.ferganaatlas.gui.tours..")
                .layer("notes").definedBy("org.ferganaatlas.gui.notes..")
                .layer("places").definedBy("org.ferganaatlas.gui.places..")
                .layer("common").definedBy("org.ferganaatlas.gui.common..")
                .layer("l10n").definedBy("org.ferganaatlas.gui.l10n..")
                .layer("state").definedBy("org.ferganaatlas.gui.state..")
                // Only the window composes the features; the map, the panels, the readers and search know each other
                // only through AtlasState and Focus, so any of them can be left out (presentation mode) or added.
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("map").mayOnlyBeAccessedByLayers("app")
                .whereLayer("panels").mayOnlyBeAccessedByLayers("app")
                .whereLayer("records").mayOnlyBeAccessedByLayers("app")
                .whereLayer("search").mayOnlyBeAccessedByLayers("app")
                .whereLayer("layers").mayOnlyBeAccessedByLayers("app")
                .whereLayer("handout").mayOnlyBeAccessedByLayers("app")
                .whereLayer("tours").mayOnlyBeAccessedByLayers("app")
                .whereLayer("notes").mayOnlyBeAccessedByLayers("app")
                .whereLayer("places").mayOnlyBeAccessedByLayers("app")
                .whereLayer("common").mayOnlyBeAccessedByLayers("app", "map", "panels", "records", "search", "layers", "handout", "tours", "notes", "places")
                .whereLayer("l10n").mayOnlyBeAccessedByLayers("app", "map", "panels", "records", "search", "layers", "handout", "tours", "notes", "places", "common")
                .because("a panel that calls another panel ties them together: the next one (tours, notes, a pen) would "
                        + "have to be wired into both, and leaving one out (presentation mode) would break the other")
                .check(main);
    }

    @Test
    void aPanelNeverHoldsOrCallsAnotherPanel() {
        classes().that().implement("org.ferganaatlas.gui.common.AtlasPanel")
                .should(new ArchCondition<JavaClass>("depend on no other panel") {
                    @Override
                    public void check(JavaClass panel, ConditionEvents events) {
                        for (Dependency d : panel.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass();
                            boolean ownNested = target.getName().startsWith(panel.getName() + "$")
                                    || panel.getName().startsWith(target.getName() + "$");
                            if (!target.equals(panel) && !ownNested && !target.isInterface()
                                    && target.isAssignableTo("org.ferganaatlas.gui.common.AtlasPanel")) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .because("panels observe AtlasState and show things through Focus; one that reaches into another would "
                        + "make the other's layout part of its behaviour")
                .check(main);
    }

    @Test
    void modelLogicAndDataStayFreeOfJavaFx() {
        noClasses().that().resideInAnyPackage("org.ferganaatlas.model..", "org.ferganaatlas.logic..", "org.ferganaatlas.data..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.gluonhq..")
                .because("the database build, benchmarks and fuzzers use these layers without a screen")
                .check(main);
    }

    @Test
    void onlyTheDataLayerTalksSql() {
        noClasses().that().resideOutsideOfPackage("org.ferganaatlas.data..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .because("one layer owns the SQL, so a schema change is made and tested in one place")
                .check(main);
    }

    @Test
    void shippedCodeNeverUsesTheNetwork() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.net.http.HttpClient")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
                .because("the atlas must work on a school PC with no network, identically")
                .check(main);
    }

    @Test
    void databaseBuildCodeNeverShips() {
        classes().that().resideInAPackage("org.ferganaatlas..").should()
                .resideOutsideOfPackage("org.ferganaatlas.build..")
                .because("code that only builds the database is compiled with the tests and does not ship")
                .check(main);
    }

    /** The user database's stores: each owns its tables, like the atlas's repositories. */
    private static final Set<String> USER_STORES = Set.of("Settings", "Notes", "Bookmarks", "Tours", "UserLayers");

    @Test
    void repositoriesDoNotDependOnEachOther() {
        DescribedPredicate<JavaClass> repository = DescribedPredicate.describe("are atlas repositories",
                c -> c.getPackageName().startsWith("org.ferganaatlas.data") && c.getSimpleName().endsWith("Repository"));
        classes().that(repository).should(notDependOnAnotherOf(repository, "repository"))
                .because("each repository owns its tables; one that calls another hides a second query in the first's"
                        + " methods and ties their schemas together. Shared rules go in a helper both use (BorderKeys, Rows)")
                .check(main);
        DescribedPredicate<JavaClass> store = DescribedPredicate.describe("are user database stores",
                c -> c.getPackageName().equals("org.ferganaatlas.data.user") && USER_STORES.contains(c.getSimpleName()));
        classes().that(store).should(notDependOnAnotherOf(store, "store"))
                .because("each store's change is one transaction on the user database's thread; a store calling another"
                        + " would queue a second transaction from inside the first and wait on itself")
                .check(main);
    }

    @Test
    void theJdbcHelperKnowsNoDatabase() {
        noClasses().that().resideInAPackage("org.ferganaatlas.data.jdbc")
                .should().dependOnClassesThat().resideInAnyPackage("org.ferganaatlas.data", "org.ferganaatlas.data.user")
                .because("the pool and the mapping helpers serve the atlas and the user database alike; which failure"
                        + " means what to the user is decided by the database that uses them")
                .check(main);
    }

    private static ArchCondition<JavaClass> notDependOnAnotherOf(DescribedPredicate<JavaClass> kind, String noun) {
        return new ArchCondition<>("not depend on another " + noun) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    if (!target.equals(item) && kind.test(target)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
