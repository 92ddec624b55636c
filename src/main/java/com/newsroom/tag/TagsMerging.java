package com.newsroom.tag;

/**
 * Tag {@code sourceTagId} is about to be merged into {@code targetTagId} (and then deleted): whatever carries the
 * source should carry the target. Published inside the merging transaction.
 */
public record TagsMerging(long sourceTagId, long targetTagId) {
}
