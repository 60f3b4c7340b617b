package org.ferganaatlas.data.user;

import java.time.Instant;

/** A tour: a titled sequence of {@link TourStop}s ({@code tour}). */
public record Tour(long id, String title, String description, String author, Instant created, Instant updated) {}
