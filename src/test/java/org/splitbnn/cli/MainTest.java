package org.splitbnn.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class MainTest {

    private static Properties spark(String master, String deployMode) {
        Properties p = new Properties();
        p.setProperty("spark.master", master);
        p.setProperty("spark.submit.deployMode", deployMode);
        return p;
    }

    @Test
    void onlyTheDriverInsideYarnsApplicationMasterEndsByReturning() {
        assertTrue(Main.yarnClusterDriver(spark("yarn", "cluster")));
        assertFalse(Main.yarnClusterDriver(spark("yarn", "client")));
        assertFalse(Main.yarnClusterDriver(spark("spark://127.0.0.1:7077", "cluster")));
        assertFalse(Main.yarnClusterDriver(new Properties()));
    }
}
