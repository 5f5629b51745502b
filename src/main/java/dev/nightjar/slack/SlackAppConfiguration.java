package dev.nightjar.slack;

import dev.nightjar.store.ledgers.AnswerLog;
import dev.nightjar.store.ledgers.NoteApprovals;
import dev.nightjar.store.ledgers.EventLedger;
import dev.nightjar.Workspace;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.slack.SlackConnectorFactory;
import dev.nightjar.connectors.slack.SlackSettings;
import dev.nightjar.slack.briefs.BriefDeliverer;
import dev.nightjar.slack.briefs.BriefDeliveryJob;
import dev.nightjar.store.ledgers.DeliveryLedger;
import dev.nightjar.store.PeopleStore;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * The Slack app of `serve`: request verification in front of {@code /slack/*}, the three endpoints,
 * the worker pool that does the answering after the 200, and the brief-delivery tick. Settings come
 * from {@code connectors/slack.yml} (base URL, token and signing-secret variables, scratchpad channels).
 */
@Configuration(proxyBeanMethods = false)
@Import({SlackEventsController.class, SlackCommandsController.class, SlackInteractivityController.class})
public class SlackAppConfiguration {

    /** How often due briefs are looked for; a brief arrives at most this late after deliver-at. */
    static final Duration BRIEF_TICK = Duration.ofMinutes(5);
    /**
     * Answering is CPU work (index and store reads) with some waiting (Slack's Web API, an LLM, commits):
     * two workers per core keep the cores busy without letting a burst starve the nightly job or the
     * threads that acknowledge requests.
     */
    static final int WORKERS = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    /**
     * Work waiting for a worker. Beyond it a request is refused at once (an event with 503, which Slack
     * delivers again later; a slash command with a "busy" acknowledgement) instead of queueing an answer
     * that would arrive minutes late: at the 4-36 answers a second measured on 2 shared cores
     * (BENCHMARKS.md figure 7, 100,000 and 2,000 documents) a full queue is 3-25 s of waiting.
     */
    static final int QUEUE = 100;
    private static final Logger log = LoggerFactory.getLogger(SlackAppConfiguration.class);

    @Bean
    SlackSettings slackAppSettings(Workspace ws) {
        return new SlackConnectorFactory().settings(ws.config());
    }

    @Bean
    SlackSignature slackSignature(SlackSettings slackAppSettings, ConnectorContext context, Workspace ws) {
        String variable = slackAppSettings.signingSecretEnv() == null ? "SLACK_SIGNING_SECRET" : slackAppSettings.signingSecretEnv();
        String secret = context.env().find(variable).orElse(null);
        if (secret == null) log.warn("{} is not set: every request to /slack/* will be refused with 401", variable);
        return new SlackSignature(secret, ws.clock());
    }

    @Bean
    FilterRegistrationBean<SlackRequestFilter> slackRequestFilter(SlackSignature slackSignature) {
        FilterRegistrationBean<SlackRequestFilter> registration = new FilterRegistrationBean<>(new SlackRequestFilter(slackSignature));
        registration.addUrlPatterns("/slack/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);   // before anything could read the body
        return registration;
    }

    @Bean
    SlackWebApi slackWebApi(SlackSettings slackAppSettings, ConnectorContext context) {
        SlackHttp http = new SlackHttp(context.http(), SlackHttp.Policy.interactive(), SlackHttp.Pause.real());
        return new SlackWebApi(context.baseUrl("slack", slackAppSettings), () -> context.token("slack", slackAppSettings), http);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService slackWorkers() {
        AtomicInteger n = new AtomicInteger();
        // AbortPolicy: a full queue throws at once on the request thread, which answers "busy"; acking never waits on workers
        return new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "slack-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    @Bean
    SlackUsers slackUsers(Workspace ws, SlackWebApi slackWebApi) {
        return new SlackUsers(new PeopleStore(ws.database()), ws.people(), slackWebApi);
    }

    @Bean
    ThreadPoster threadPoster(SlackWebApi slackWebApi) {
        return new ThreadPoster(slackWebApi);
    }

    @Bean
    AnswerLog answerLog(Workspace ws) {
        return new AnswerLog(ws.database(), ws.clock());
    }

    @Bean
    NoteApprovals noteApprovals(Workspace ws) {
        return new NoteApprovals(ws.database(), ws.clock());
    }

    @Bean
    NoteRouting noteRouting(Workspace ws) {
        return new NoteRouting(ws);
    }

    @Bean
    ScratchpadCapture scratchpadCapture(Workspace ws, NoteRouting noteRouting, NoteApprovals noteApprovals) {
        return new ScratchpadCapture(ws, noteRouting, noteApprovals);
    }

    @Bean
    SlackEventDispatcher slackEventDispatcher(Workspace ws, ExecutorService slackWorkers, SlackUsers slackUsers, AnswerLog answerLog,
                                              ThreadPoster threadPoster, ScratchpadCapture scratchpadCapture, SlackSettings slackAppSettings,
                                              SlackWebApi slackWebApi) {
        return new SlackEventDispatcher(new EventLedger(ws.database(), ws.clock()), slackWorkers,
                new MentionAnswerer(ws, slackUsers, answerLog, threadPoster),
                new ScratchpadChannels(slackAppSettings.scratchpadChannels(), slackWebApi), scratchpadCapture, slackUsers, threadPoster);
    }

    @Bean
    SlashCommands slashCommands(Workspace ws, SlackUsers slackUsers, AnswerLog answerLog, ScratchpadCapture scratchpadCapture,
                                SlackWebApi slackWebApi, ExecutorService slackWorkers) {
        return new SlashCommands(ws, slackUsers, answerLog, scratchpadCapture, slackWebApi, slackWorkers);
    }

    @Bean
    Interactions interactions(Workspace ws, AnswerLog answerLog, NoteApprovals noteApprovals, NoteRouting noteRouting, SlackUsers slackUsers,
                              SlackWebApi slackWebApi, ThreadPoster threadPoster, ExecutorService slackWorkers) {
        return new Interactions(ws, answerLog, noteApprovals, noteRouting, slackUsers, slackWebApi, threadPoster, slackWorkers);
    }

    @Bean
    BriefDeliverer briefDeliverer(Workspace ws, SlackUsers slackUsers, SlackWebApi slackWebApi) {
        return new BriefDeliverer(ws, ws.nightly(), slackUsers, slackWebApi, new DeliveryLedger(ws.database(), ws.clock()));
    }

    @Bean
    JobDetail briefDeliveryJobDetail() {
        return JobBuilder.newJob(BriefDeliveryJob.class).withIdentity("brief-delivery").storeDurably().build();
    }

    @Bean
    Trigger briefDeliveryTrigger(JobDetail briefDeliveryJobDetail) {
        return TriggerBuilder.newTrigger().forJob(briefDeliveryJobDetail).withIdentity("brief-delivery")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInSeconds((int) BRIEF_TICK.toSeconds()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
