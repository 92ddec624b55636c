/**
 * Keyset paging shared by every listing (articles, the moderation queue): page parameters, cursors and pages.
 * Published to the other modules as the {@code web :: paging} interface.
 */
@NamedInterface("paging")
package com.newsroom.web.paging;

import org.springframework.modulith.NamedInterface;
