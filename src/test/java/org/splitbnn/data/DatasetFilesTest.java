package org.splitbnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed datasets under {@code data/}: checksums as documented, paper files reproducible. */
class DatasetFilesTest {

    private static final Path DATA = Path.of("data");
    private static final Pattern CHECKSUM_ROW = Pattern.compile("^\\| `([a-z0-9_]+\\.csv)` \\|.*`([0-9a-f]{64})` \\|$",
            Pattern.MULTILINE);

    @Test
    void devFilesMatchTheChecksumsOfTheirReadme() throws IOException {
        Map<String, String> checksums = checksums(DATA.resolve("dev/README.md"));
        assertEquals(11, checksums.size(), "train plus ten tests documented");
        for (Map.Entry<String, String> entry : checksums.entrySet()) {
            assertEquals(entry.getValue(), Sha256.ofFile(DATA.resolve("dev").resolve(entry.getKey())), entry.getKey());
        }
    }

    @Test
    void paperFilesMatchTheChecksumsOfTheDataReadme() throws IOException {
        Map<String, String> checksums = checksums(DATA.resolve("README.md"));
        assertEquals(11, checksums.size(), "train plus ten tests documented");
        for (Map.Entry<String, String> entry : checksums.entrySet()) {
            assertEquals(entry.getValue(), Sha256.ofFile(DATA.resolve("paper").resolve(entry.getKey())),
                    entry.getKey());
        }
    }

    @Test
    void generatorReproducesThePaperFilesByteForByte(@TempDir Path dir) throws IOException {
        assertReproduced(dir, "train", 2022L);
        for (int k = 1; k <= 10; k++) {
            assertReproduced(dir, String.format("test_%02d", k), 2022L + k);
        }
    }

    @Test
    void devFilesReadAsTheDocumentedRecipe() throws IOException {
        Dataset train = DatasetCsv.read(DATA.resolve("dev/train.csv"));
        assertEquals(220, train.size());
        assertEquals(130, train.countOfClass(1));
        assertEquals(1, train.y(0));
        assertEquals(0, train.y(219));
    }

    @Test
    void toyFilesAreReproducedByTheirDocumentedRecipes() throws IOException {
        assertArrayEquals(Files.readAllBytes(DATA.resolve("toy/parity5.csv")), DatasetCsv.text(ToyGenerator.generate(
                new ToyRecipe(ToyRecipe.PARITY, 96, 5, 0.5), 5, "parity5")).getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(Files.readAllBytes(DATA.resolve("toy/blobs4.csv")), DatasetCsv.text(ToyGenerator.generate(
                new ToyRecipe(ToyRecipe.BLOBS, 64, 4, 0.5), 7, "blobs4")).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertReproduced(Path dir, String name, long seed) throws IOException {
        Path committed = DATA.resolve("paper").resolve(name + ".csv");
        Path regenerated = dir.resolve(name + ".csv");
        DatasetCsv.write(NoisyXorGenerator.generate(NoisyXorRecipe.PAPER, seed, name), regenerated);
        assertEquals(DatasetCsv.read(committed), DatasetCsv.read(regenerated), name + ": values differ");
        assertArrayEquals(Files.readAllBytes(committed), Files.readAllBytes(regenerated), name + ": bytes differ");
    }

    private static Map<String, String> checksums(Path readme) throws IOException {
        Map<String, String> checksums = new LinkedHashMap<>();
        Matcher matcher = CHECKSUM_ROW.matcher(Files.readString(readme));
        while (matcher.find()) {
            checksums.put(matcher.group(1), matcher.group(2));
        }
        assertTrue(checksums.containsKey("train.csv"), readme + " documents train.csv");
        return checksums;
    }
}
