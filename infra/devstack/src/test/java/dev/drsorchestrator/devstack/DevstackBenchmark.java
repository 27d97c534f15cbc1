package dev.drsorchestrator.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.devstack.drs.DrsSettings;
import dev.drsorchestrator.devstack.drs.DrsSimulator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.drs.model.JobStatus;
import software.amazon.awssdk.services.drs.model.StartRecoveryRequestSourceServer;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The devstack's budgets, measured, not asserted: time to ready, PutEvents → message visible in the target queue, a
 * 100-server drill with zero timings, and resident memory. Excluded from the normal build; run it with
 * {@code ./mvnw -pl infra/devstack -am test -Dbenchmark.skip=none -Dtest=DevstackBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the figures it prints. It asserts only that every message arrived.
 */
@Tag("benchmark")
class DevstackBenchmark {
    @Test
    void measure() throws Exception {
        long before = System.nanoTime();
        try (Devstack devstack =
                Devstack.start(DevstackConfig.forTests().withDrsTimings(DrsSettings.Timings.INSTANT))) {
            double readyMs = (System.nanoTime() - before) / 1e6;
            Clients c = new Clients(devstack);
            var sqs = c.sqs();
            var events = c.events();
            String url = c.queue(sqs, "bench");
            events.putRule(b -> b.name("bench").eventPattern("{\"source\":[\"bench\"]}"));
            events.putTargets(b -> b.rule("bench")
                    .targets(Target.builder().id("q").arn(c.queueArn(sqs, url)).build()));
            PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
                    .source("bench")
                    .detailType("Tick")
                    .detail("{\"n\":1}")
                    .build();
            List<Double> latencies = new ArrayList<>();
            List<Double> putOnly = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                long t0 = System.nanoTime();
                events.putEvents(b -> b.entries(entry));
                long tPut = System.nanoTime();
                List<Message> got;
                do {
                    got = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(0))
                            .messages();
                } while (got.isEmpty());
                long t1 = System.nanoTime();
                String handle = got.get(0).receiptHandle();
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(handle));
                if (i >= 100) {
                    latencies.add((t1 - t0) / 1e6);
                    putOnly.add((tPut - t0) / 1e6);
                }
            }
            Collections.sort(latencies);
            Collections.sort(putOnly);
            assertThat(latencies).hasSize(500);

            List<String> ids =
                    devstack.drs().generateFleet(new DrsSimulator.FleetSpec(100, null, null, null, 0, null)).stream()
                            .map(s -> s.path("sourceServerID").asText())
                            .toList();
            var drs = c.drs();
            long d0 = System.nanoTime();
            String job = drs.startRecovery(b -> b.isDrill(true)
                            .sourceServers(ids.stream()
                                    .map(id -> StartRecoveryRequestSourceServer.builder()
                                            .sourceServerID(id)
                                            .build())
                                    .toList()))
                    .job()
                    .jobID();
            while (drs.describeJobs(b -> b.filters(f -> f.jobIDs(job)))
                            .items()
                            .get(0)
                            .status()
                    != JobStatus.COMPLETED) {
                Thread.onSpinWait();
            }
            double drillMs = (System.nanoTime() - d0) / 1e6;

            System.gc();
            long rssKb = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst()
                    .orElse(-1L);
            long heapMb =
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
            System.out.printf(
                    "devstack benchmark: ready %.0f ms; PutEvents call (the message is in the queue when it returns):"
                            + " median %.2f ms, p95 %.2f ms; PutEvents + first ReceiveMessage that sees it: median %.2f ms,"
                            + " p95 %.2f ms, max %.2f ms over %d; 100-server drill to COMPLETED %.0f ms;"
                            + " test JVM RSS %d MB (heap used %d MB)%n",
                    readyMs,
                    putOnly.get(putOnly.size() / 2),
                    putOnly.get((int) (putOnly.size() * 0.95)),
                    latencies.get(latencies.size() / 2),
                    latencies.get((int) (latencies.size() * 0.95)),
                    latencies.get(latencies.size() - 1),
                    latencies.size(),
                    drillMs,
                    rssKb / 1024,
                    heapMb);
        }
    }
}
