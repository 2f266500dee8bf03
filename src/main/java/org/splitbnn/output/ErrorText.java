package org.splitbnn.output;

import java.util.regex.Pattern;

/** An error's message as one line of text, for the one-line reports of failures. */
public final class ErrorText {

    /** A line of a Java stack trace: {@code at package.Class.method(File.java:123)}. */
    private static final Pattern STACK_FRAME = Pattern.compile("\\s*at [\\w$./<>]+\\([^()]*\\)\\s*");

    private ErrorText() {
    }

    /**
     * The message of {@code e} on one line: its lines joined by spaces, up to the first line that is a stack frame
     * ({@code at Class.method(...)}, which a remote server such as HDFS's NameNode may append to its message); null
     * when it has no message.
     */
    public static String of(Throwable e) {
        String m = e.getMessage();
        if (m == null) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        for (String part : m.lines().toList()) {
            if (STACK_FRAME.matcher(part).matches()) {
                break;
            }
            if (!part.isBlank()) {
                line.append(line.length() == 0 ? "" : " ").append(part.strip());
            }
        }
        return line.toString();
    }
}
