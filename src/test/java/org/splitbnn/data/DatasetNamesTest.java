package org.splitbnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Names that tell dataset files apart. */
class DatasetNamesTest {

    @Test
    void theFileNameUnlessAnotherFileOrATakenNameHasIt() {
        assertEquals(List.of("t", "u"), DatasetNames.distinct(List.of(Path.of("a/t.csv"), Path.of("b/u.csv")),
                Set.of("train")));
        assertEquals(List.of("a/t", "b/t", "u"), DatasetNames.distinct(List.of(Path.of("a/t.csv"),
                Path.of("b/t.csv"), Path.of("c/u.csv")), Set.of()));
        assertEquals(List.of("x/a/t", "y/a/t"), DatasetNames.distinct(List.of(Path.of("x/a/t.csv"),
                Path.of("y/a/t.csv")), Set.of()));
        assertEquals(List.of("b/t"), DatasetNames.distinct(List.of(Path.of("b/t.csv")), Set.of("t")));
        assertEquals(List.of("d/train"), DatasetNames.distinct(List.of(Path.of("d/train.csv")), Set.of("train")));
    }

    @Test
    void theSameFileTwiceIsRefusedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetNames.distinct(List.of(Path.of("a/t.csv"), Path.of("a/../a/t.csv")), Set.of()));
        assertTrue(e.getMessage().contains("a/t.csv and a/../a/t.csv"), e.getMessage());
    }
}
