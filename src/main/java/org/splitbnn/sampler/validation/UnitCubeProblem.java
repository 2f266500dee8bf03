package org.splitbnn.sampler.validation;

import java.util.ArrayList;
import java.util.List;

import org.splitbnn.sampler.Problem;

/** A problem with a uniform prior on a box [low, high]^dim and parameters named x1..xD. */
public abstract class UnitCubeProblem implements Problem {

    private final int dim;
    private final double low;
    private final double high;

    /** A problem in {@code dim} dimensions with a uniform prior on [low, high] in each. */
    protected UnitCubeProblem(int dim, double low, double high) {
        this.dim = dim;
        this.low = low;
        this.high = high;
    }

    @Override
    public int dimension() {
        return dim;
    }

    @Override
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= dim; i++) {
            names.add("x" + i);
        }
        return names;
    }

    @Override
    public void fromUnitCube(double[] unit, double[] theta) {
        for (int i = 0; i < dim; i++) {
            theta[i] = low + (high - low) * unit[i];
        }
    }

    /** log of the prior density on the box. */
    double logPriorDensity() {
        return -dim * Math.log(high - low);
    }
}
