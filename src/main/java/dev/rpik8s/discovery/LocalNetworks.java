package dev.rpik8s.discovery;

import dev.rpik8s.cluster.Ipv4;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The IPv4 networks this machine sits on, offered as default scan ranges, and the word {@code neighbours} when
 * the ARP table already knows Pis. Container and VM bridges are left out: the Pis are on the LAN, not behind docker0.
 */
public final class LocalNetworks {

    private static final Pattern VIRTUAL = Pattern.compile("(docker|br-|veth|virbr|cni|flannel|cali|vxlan|tun|tap|lxc|kube).*");

    private LocalNetworks() {
    }

    /** CIDR blocks such as {@code 192.168.1.0/24}, one per LAN interface address; then neighbours, if it finds Pis. */
    public static List<String> offered() throws SocketException {
        return offered(NeighbourTable.ARP);
    }

    static List<String> offered(Path arp) throws SocketException {
        List<String> ranges = blocks();
        if (hasPis(arp)) {
            ranges.add(ScanTarget.NEIGHBOURS);
        }
        return ranges;
    }

    /** A table that cannot be read offers nothing: the scan's own read of it says why, if it is asked for. */
    private static boolean hasPis(Path arp) {
        try {
            return !NeighbourTable.raspberryPis(arp).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> blocks() throws SocketException {
        List<String> ranges = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!isLan(nic)) {
                continue;
            }
            for (InterfaceAddress a : nic.getInterfaceAddresses()) {
                if (a.getAddress() instanceof Inet4Address && a.getNetworkPrefixLength() > 0) {
                    ranges.add(block(a.getAddress().getHostAddress(), a.getNetworkPrefixLength()));
                }
            }
        }
        return ranges;
    }

    /** Up, not loopback, not a container or VM bridge: where Pis can be. */
    static boolean isLan(NetworkInterface nic) throws SocketException {
        return nic.isUp() && !nic.isLoopback() && !VIRTUAL.matcher(nic.getName()).matches();
    }

    static String block(String address, int prefix) {
        ScanTarget.Addresses cidr = ScanTarget.Addresses.cidr(address + "/" + prefix);
        long network = prefix >= 31 ? cidr.first() : cidr.first() - 1;
        return Ipv4.dotted(network) + "/" + prefix;
    }
}
