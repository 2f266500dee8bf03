package org.splitbnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void digitRunsCompareAsNumbers() {
        List<String> names = new ArrayList<>(List.of("xor-11", "xor-2", "xor-1", "xor-13", "xor-100", "train",
                "test_10", "test_9", "xor-2-15.50.5.40-v0.5", "xor-2-15.50.5.40-v0.25"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("test_9", "test_10", "train", "xor-1", "xor-2", "xor-2-15.50.5.40-v0.5",
                "xor-2-15.50.5.40-v0.25", "xor-11", "xor-13", "xor-100"), names);
    }

    @Test
    void leadingZerosStillGiveATotalOrder() {
        assertTrue(NaturalOrder.INSTANCE.compare("a01", "a1") != 0);
        assertEquals(-NaturalOrder.INSTANCE.compare("a01", "a1"), NaturalOrder.INSTANCE.compare("a1", "a01"));
        assertEquals(0, NaturalOrder.INSTANCE.compare("xor-7", "xor-7"));
        assertTrue(NaturalOrder.INSTANCE.compare("xor-99999999999999999999", "xor-100000000000000000000") < 0);
    }
}
