package org.ferganaatlas.data.user;

import org.ferganaatlas.model.ViewSnapshot;

/** One stop of a tour: a view and what to say there ({@code tour_stop}); {@code ordinal} orders the stops. */
public record TourStop(long id, long tourId, int ordinal, String title, String text, ViewSnapshot view) {}
