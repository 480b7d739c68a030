package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rpik8s.session.Answers;
import dev.rpik8s.session.Session;
import dev.rpik8s.testsupport.FilesOnHosts;
import dev.rpik8s.testsupport.PlannedPis;
import dev.rpik8s.testsupport.ReviewSample;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan review from an answers file: a line per step, reading only; the host-prep confirmation decides the rest. */
class HeadlessReviewTest {

    @TempDir
    Path tmp;

    @Test
    void eachStepIsOneLineWithItsSummaryAndNothingButReadsRan() throws Exception {
        Session session = PlannedPis.session(tmp.resolve("sessions"));
        assertEquals(Optional.empty(), new PlanStep(session, PlannedPis.CLOCK).acceptSuggestion());
        FilesOnHosts hosts = ReviewSample.hosts();
        HostPrep prep = new HostPrep(session, ReviewSample.flow(), ReviewSample.templates(tmp.resolve("wizards")), hosts, PlannedPis.CLOCK);
        StringWriter text = new StringWriter();
        Headless headless = new Headless(Answers.read(session.answersFile()), true, new PrintWriter(text, true));

        assertEquals(Leave.NEXT, headless.review("home", prep));

        assertEquals("""
                Plan · home
                  1. Load overlay and br_netfilter: 5 hosts, 4 files change on 4 hosts, 1 file not read
                  2. Reboot the workers that need it: 4 hosts
                """, text.toString());
        assertEquals(4, hosts.commands().size(), "a read per file on each host reached");
    }
}
