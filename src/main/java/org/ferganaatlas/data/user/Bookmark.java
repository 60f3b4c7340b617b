package org.ferganaatlas.data.user;

import org.ferganaatlas.model.ViewSnapshot;

import java.time.Instant;

/** A saved map view with a title ({@code bookmark}). */
public record Bookmark(long id, String title, ViewSnapshot view, Instant created, Instant updated) {}
