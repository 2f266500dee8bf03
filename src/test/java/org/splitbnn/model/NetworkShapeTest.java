package org.splitbnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkShapeTest {

    @Test
    void paperNetworkUsesTheReferenceOrder() {
        NetworkShape shape = NetworkShape.PAPER;
        assertEquals(9, shape.dimension());
        assertEquals(List.of("w11", "w12", "w21", "w22", "b1_1", "b1_2", "W2_1", "W2_2", "b2"),
                shape.parameterNames());
        assertEquals(1, shape.inputWeight(0, 1));
        assertEquals(2, shape.inputWeight(1, 0));
        assertEquals(5, shape.hiddenBias(1));
        assertEquals(6, shape.outputWeight(0));
        assertEquals(8, shape.outputBias());
    }

    @Test
    void generalisesToOtherWidths() {
        assertEquals(List.of("w11", "w12", "w13", "w21", "w22", "w23", "b1_1", "b1_2", "b1_3", "W2_1", "W2_2", "W2_3",
                "b2"), new NetworkShape(2, 3).parameterNames());
        List<String> wide = new NetworkShape(2, 10).parameterNames();
        assertEquals(41, wide.size());
        assertEquals("w1_10", wide.get(9));
        assertEquals("w2_1", wide.get(10));
        assertEquals(List.of("b1_1", "W2_1", "b2"), List.of(wide.get(20), wide.get(30), wide.get(40)));
        assertThrows(IllegalArgumentException.class, () -> new NetworkShape(2, 0));
    }

    @Test
    void generalisesToOtherNumbersOfInputs() {
        NetworkShape five = new NetworkShape(5, 2);
        assertEquals(List.of("w11", "w12", "w21", "w22", "w31", "w32", "w41", "w42", "w51", "w52", "b1_1", "b1_2",
                "W2_1", "W2_2", "b2"), five.parameterNames());
        assertEquals(7, five.inputWeight(3, 1));
        assertEquals(List.of(10, 12, 14), List.of(five.hiddenBias(0), five.outputWeight(0), five.outputBias()));
        assertEquals("5-2-1", five.label());
        List<String> many = new NetworkShape(10, 2).parameterNames();
        assertEquals(List.of("w1_1", "w10_2", "b1_1"), List.of(many.get(0), many.get(19), many.get(20)));
        assertEquals(4, new NetworkShape(1, 1).dimension());
        assertThrows(IllegalArgumentException.class, () -> new NetworkShape(0, 2));
        assertThrows(IllegalArgumentException.class, () -> new NetworkShape(3, NetworkShape.maxHidden(3) + 1));
    }
}
