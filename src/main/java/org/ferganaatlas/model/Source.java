package org.ferganaatlas.model;

/**
 * A source that rows cite by id.
 *
 * @param id        'p-…' / 'h-…' (curated) or 'ds-…' (a pinned dataset)
 * @param title     title of the document or dataset
 * @param publisher who published it, or null
 * @param published ISO date (possibly partial), or null
 * @param url       where to find it, or null
 * @param licence   its licence, or null
 */
public record Source(String id, String title, String publisher, String published, String url, String licence) {
}
