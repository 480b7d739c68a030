package dev.rpik8s.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "Read or write the Ansible inventory of the k8s-on-raspbian roles (hosts, group_vars, host_vars).")
final class InventoryCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Read an inventory directory into a session's cluster spec.")
    int importInventory(@Parameters(paramLabel = "DIR", description = "Directory holding 'hosts', group_vars/, host_vars/.") Path dir) {
        throw OperatorError.notYet("Inventory import", "Meanwhile your inventory stays usable with the Ansible roles.");
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a session's cluster spec as an inventory directory.")
    int exportInventory(@Parameters(paramLabel = "DIR", description = "Directory to write.") Path dir) {
        throw OperatorError.notYet("Inventory export", "There is no cluster spec to export yet.");
    }
}
