package org.splitbnn.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Names of dataset files that tell them apart: each file's name without its extension ({@link DatasetCsv#stem}),
 * lengthened by its folders, innermost first ({@code a/t}, {@code x/a/t}), while it equals another file's name or a
 * name already taken.
 */
public final class DatasetNames {

    private DatasetNames() {
    }

    /**
     * One name per file, in order.
     *
     * @param taken names the files may not have (such as the training set's)
     * @throws IllegalArgumentException naming two files that no name tells apart (the same file given twice)
     */
    public static List<String> distinct(List<Path> files, Collection<String> taken) {
        int[] depth = new int[files.size()];
        java.util.Arrays.fill(depth, 1);
        while (true) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                names.add(name(files.get(i), depth[i]));
            }
            boolean changed = false;
            for (int i = 0; i < files.size(); i++) {
                boolean clash = taken.contains(names.get(i));
                for (int j = 0; j < files.size(); j++) {
                    clash |= j != i && names.get(j).equals(names.get(i));
                }
                if (!clash) {
                    continue;
                }
                if (depth[i] >= parts(files.get(i)).size()) {
                    throw new IllegalArgumentException(clashMessage(files, names, i, taken));
                }
                depth[i]++;
                changed = true;
            }
            if (!changed) {
                return names;
            }
        }
    }

    private static String clashMessage(List<Path> files, List<String> names, int i, Collection<String> taken) {
        for (int j = 0; j < files.size(); j++) {
            if (j != i && names.get(j).equals(names.get(i))) {
                return "no name tells the data files " + files.get(Math.min(i, j)) + " and " + files.get(Math.max(i, j))
                        + " apart (the same "
                        + "file twice?); give each once, or rename one";
            }
        }
        return "the data file " + files.get(i) + " would be named '" + names.get(i) + "', a name taken by another "
                + "dataset (" + String.join(", ", taken) + "); rename or move it";
    }

    /** The last {@code depth} parts of the file's absolute path, the last without its extension. */
    private static String name(Path file, int depth) {
        List<String> parts = parts(file);
        List<String> tail = new ArrayList<>(parts.subList(Math.max(0, parts.size() - depth), parts.size()));
        tail.set(tail.size() - 1, DatasetCsv.stem(tail.get(tail.size() - 1)));
        return String.join("/", tail);
    }

    private static List<String> parts(Path file) {
        List<String> parts = new ArrayList<>();
        file.toAbsolutePath().normalize().forEach(p -> parts.add(p.toString()));
        return parts;
    }
}
