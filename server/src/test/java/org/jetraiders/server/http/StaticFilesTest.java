package org.jetraiders.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StaticFilesTest {
    @Test
    void shouldMapRootToIndex() {
        assertEquals("index.html", StaticFiles.resolve("/"));
    }

    @Test
    void shouldAcceptPlainNestedNames() {
        assertEquals("index.html", StaticFiles.resolve("/index.html"));
        assertEquals("assets/app-1.2_min.js", StaticFiles.resolve("/assets/app-1.2_min.js"));
    }

    @Test
    void shouldRejectTraversalAndOddPaths() {
        for (String path : new String[] {"/..", "/../secret.txt", "/a/../../b.html", "/./index.html",
                "/.hidden.html", "//index.html", "/a//b.html", "/dir/", "/a\\..\\b.html", "/a%2e.html",
                "/index.html\u0000.png", "/ü.html", "", "index.html", "/" + "a".repeat(300) + ".html"}) {
            assertNull(StaticFiles.resolve(path), path);
        }
        assertNull(StaticFiles.resolve(null));
    }

    @Test
    void shouldKnowContentTypesByExtension() {
        assertEquals("text/html; charset=utf-8", StaticFiles.contentType("index.html"));
        assertEquals("text/javascript; charset=utf-8", StaticFiles.contentType("a/app.JS"));
        assertEquals("text/css; charset=utf-8", StaticFiles.contentType("style.css"));
        assertEquals("image/png", StaticFiles.contentType("logo.png"));
        assertEquals("image/svg+xml", StaticFiles.contentType("logo.svg"));
        assertEquals("image/x-icon", StaticFiles.contentType("favicon.ico"));
        assertEquals("application/json; charset=utf-8", StaticFiles.contentType("data.json"));
        assertNull(StaticFiles.contentType("web"));
        assertNull(StaticFiles.contentType("a.b/web"));
        assertNull(StaticFiles.contentType("secret.class"));
    }
}
