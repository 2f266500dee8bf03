package org.splitbnn.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ErrorTextTest {

    /** What HDFS's NameNode sends back for a folder under a file: its message, then its own stack trace. */
    @Test
    void dropsTheStackTraceARemoteServerAppends() {
        IOException remote = new IOException("/f (is not a directory)\n"
                + "\tat org.apache.hadoop.hdfs.server.namenode.FSPermissionChecker.checkIsDirectory("
                + "FSPermissionChecker.java:905)\n"
                + "\tat org.apache.hadoop.ipc.Server$Handler.work(Server.java:3279)\n"
                + "\tat java.base/java.security.AccessController.doPrivileged(AccessController.java:712)\n");
        assertEquals("/f (is not a directory)", ErrorText.of(remote));
    }

    @Test
    void joinsTheLinesOfAMessageWithoutAStackTrace() {
        assertEquals("first line second line, at least (one) more",
                ErrorText.of(new IllegalStateException("first line\n  second line,\r\nat least (one) more\n")));
        assertEquals("one line", ErrorText.of(new RuntimeException("one line")));
        assertNull(ErrorText.of(new RuntimeException()));
    }
}
