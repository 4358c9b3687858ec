package kexeccheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShippedModelsTest {

    @Test
    void theProposalsShipSorted() {
        assertEquals(List.of("bootloader-preprogrammed", "dt-memory-region-v1", "kho-lpi-tables", "upstream"),
                ShippedModels.proposals());
    }

    @Test
    void everyIndexedSourceIsAnAlloyModuleNamedAfterItsFolder() {
        Map<String, String> sources = ShippedModels.sources();
        assertTrue(sources.containsKey("kexec/core.als"));
        sources.forEach((path, text) -> {
            String folder = path.substring(0, path.indexOf('/'));
            assertTrue(text.contains("module " + folder + "/"), path + " declares a module under " + folder);
        });
    }
}
