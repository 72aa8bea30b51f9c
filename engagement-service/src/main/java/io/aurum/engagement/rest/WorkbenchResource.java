package io.aurum.engagement.rest;

import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Params;
import io.aurum.engagement.loyalty.Loyalty;
import io.aurum.engagement.performance.MonthClose;
import io.aurum.engagement.rules.CareWindow;
import io.aurum.engagement.service.Attrition;
import io.aurum.engagement.service.Complaints;
import io.aurum.engagement.service.DailyCare;
import io.aurum.engagement.service.EngagementJobs;
import io.aurum.engagement.service.Workbench;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

@Path("/api/engagement")
@Tag(name = "RM workbench", description = "An RM's day, a team's missed deadlines, and the jobs on demand")
@Produces(MediaType.APPLICATION_JSON)
public class WorkbenchResource {

    public record DayView(Instant asOf, List<TaskResource.TaskView> dueToday, List<TaskResource.TaskView> overdue,
                          List<Attrition.ClientScore> clientsAtRisk, List<Workbench.Birthday> upcomingBirthdays,
                          List<Workbench.Maturity> upcomingMaturities, List<ComplaintResource.ComplaintView> openComplaints) {
    }

    public record TeamView(Instant asOf, String team, List<Workbench.OwnerBreaches> overdueTasksByOwner,
                           List<TaskResource.TaskView> overdueTasks, List<ComplaintResource.ComplaintView> breachedComplaints) {
    }

    private final Workbench workbench;
    private final DailyCare daily;
    private final Complaints complaints;
    private final EngagementJobs jobs;
    private final MonthClose monthClose;
    private final Loyalty loyalty;
    private final SecurityIdentity identity;

    public WorkbenchResource(Workbench workbench, DailyCare daily, Complaints complaints, EngagementJobs jobs, MonthClose monthClose,
                             Loyalty loyalty, SecurityIdentity identity) {
        this.monthClose = monthClose;
        this.loyalty = loyalty;
        this.workbench = workbench;
        this.daily = daily;
        this.complaints = complaints;
        this.jobs = jobs;
        this.identity = identity;
    }

    @GET
    @Path("/workbench")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "The RM's day in one call",
            description = "Tasks due today and overdue, the book's clients at risk (score ≥ 30, highest first, with reasons), birthdays "
                    + "in the next 14 days, holdings maturing in the next 30, open complaints. A team lead sees the team's book.")
    public DayView day() {
        Workbench.Day d = workbench.day(Caller.of(identity));
        return new DayView(d.asOf(), d.dueToday().stream().map(TaskResource.TaskView::of).toList(),
                d.overdue().stream().map(TaskResource.TaskView::of).toList(), d.clientsAtRisk(), d.upcomingBirthdays(),
                d.upcomingMaturities(), d.openComplaints().stream().map(ComplaintResource.ComplaintView::of).toList());
    }

    @GET
    @Path("/workbench/team")
    @RolesAllowed(Roles.TEAM_LEAD)
    @Operation(summary = "The team's missed deadlines", description = "Overdue tasks by owner and complaints past a deadline.")
    public TeamView team() {
        Workbench.TeamBreaches t = workbench.team(Caller.of(identity));
        return new TeamView(t.asOf(), t.team(), t.overdueTasksByOwner(), t.overdueTasks().stream().map(TaskResource.TaskView::of).toList(),
                t.breachedComplaints().stream().map(ComplaintResource.ComplaintView::of).toList());
    }

    @POST
    @Path("/jobs/daily-care")
    @RolesAllowed(Roles.OPS_ADMIN)
    @Operation(summary = "Run the daily care job now",
            description = "Cadence, birthday, care-day and maturity tasks for the day of asOf (default now; the future only where a "
                    + "controllable clock is configured). Idempotent per day.")
    public DailyCare.Outcome dailyCare(@QueryParam("asOf") String asOf) {
        return daily.run(jobs.asOf(Params.instant("asOf", asOf)));
    }

    @POST
    @Path("/jobs/month-close")
    @RolesAllowed(Roles.OPS_ADMIN)
    @Operation(summary = "Compute a month's contribution and performance figures now",
            description = "For month (YYYY-MM, default the previous month) as of asOf (default now): a month not over by then is "
                    + "computed to date. A complete month also earns the monthly-AUM points, once per client and month. Runs nightly.")
    public MonthClose.Summary monthClose(@QueryParam("month") String month, @QueryParam("asOf") String asOf) {
        Instant at = jobs.asOf(Params.instant("asOf", asOf));
        YearMonth m = Params.month("month", month, YearMonth.from(at.atZone(CareWindow.BANK_ZONE)).minusMonths(1));
        if (m.atDay(1).atStartOfDay(CareWindow.BANK_ZONE).toInstant().isAfter(at)) {
            throw ApiException.badField("month", "has not begun as of " + at);
        }
        return monthClose.run(m, at, Caller.of(identity).username());
    }

    @POST
    @Path("/jobs/points-expiry")
    @RolesAllowed(Roles.OPS_ADMIN)
    @Operation(summary = "Expire points past their validity now",
            description = "As of the bank day of asOf (default now; first in, first out). Idempotent per day. Runs nightly.")
    public Loyalty.Expiry pointsExpiry(@QueryParam("asOf") String asOf) {
        return loyalty.expire(LocalDate.ofInstant(jobs.asOf(Params.instant("asOf", asOf)), CareWindow.BANK_ZONE));
    }

    @POST
    @Path("/jobs/complaint-deadlines")
    @RolesAllowed(Roles.OPS_ADMIN)
    @Operation(summary = "Escalate complaints past a deadline now", description = "As of asOf (same rules as the daily job).")
    public Complaints.SlaRun complaintDeadlines(@QueryParam("asOf") String asOf) {
        return complaints.escalate(jobs.asOf(Params.instant("asOf", asOf)));
    }
}
