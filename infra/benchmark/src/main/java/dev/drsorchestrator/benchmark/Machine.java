package dev.drsorchestrator.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine the figures come from: processors, memory, CPU, OS and the JDK the system runs on. */
public record Machine(int nproc, String memory, String cpu, String os, String jdk) {

    public static Machine describe() {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                readMemory(),
                readCpu(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                javaVersion());
    }

    private static String readMemory() {
        for (String line : lines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("\\D+", ""));
                return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
            }
        }
        return Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB (JVM max; no /proc/meminfo)";
    }

    private static String readCpu() {
        for (String line : lines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return System.getProperty("os.arch");
    }

    /** {@code java -version} of the JDK that runs the benchmark and, through it, every child process. */
    private static String javaVersion() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Process p = new ProcessBuilder(java, "-version")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return out.replace("\n", " / ");
        } catch (IOException e) {
            return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return System.getProperty("java.runtime.version");
        }
    }

    /**
     * The 1-, 5- and 15-minute load averages ({@code /proc/loadavg}), to tell a quiet machine from a busy one: on 2
     * cores, anything well above the system's own few busy threads means another program shared the CPUs.
     */
    public static String loadAverage() {
        List<String> l = lines(Path.of("/proc/loadavg"));
        if (l.isEmpty()) {
            return "n/a";
        }
        String[] f = l.get(0).split("\\s+");
        return f[0] + " " + f[1] + " " + f[2];
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            return List.of();
        }
    }
}
