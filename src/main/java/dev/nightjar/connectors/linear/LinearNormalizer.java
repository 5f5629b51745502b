package dev.nightjar.connectors.linear;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.connectors.MalformedRecordException;
import dev.nightjar.connectors.Normalizer;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.model.Normalized;

/** Routes each Linear record to the mapper for its stream. Pure: no I/O. */
public final class LinearNormalizer implements Normalizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Normalized normalize(SourceRecord record) {
        if (record.json() == null || !record.json().isObject()) {
            throw new MalformedRecordException("linear " + record.stream() + " record is not a JSON object");
        }
        String raw = raw(record);
        return switch (record.stream()) {
            case LinearConnector.USERS -> PeopleMapper.user(record.json());
            case LinearConnector.TEAMS -> PeopleMapper.team(record.json());
            case LinearConnector.INITIATIVES -> PlanningMapper.initiative(record.json(), raw);
            case LinearConnector.PROJECTS -> PlanningMapper.project(record.json(), raw);
            case LinearConnector.INITIATIVE_UPDATES -> PlanningMapper.initiativeUpdate(record.json(), raw);
            case LinearConnector.PROJECT_UPDATES -> PlanningMapper.projectUpdate(record.json(), raw);
            case LinearConnector.ISSUES -> IssueMapper.issue(record.json(), raw);
            case LinearConnector.ISSUE_RELATIONS -> IssueMapper.relation(record.json());
            case LinearConnector.COMMENTS -> CommentMapper.comment(record.json(), raw);
            default -> throw new MalformedRecordException("linear: unknown stream " + record.stream());
        };
    }

    private static String raw(SourceRecord record) {
        try {
            return JSON.writeValueAsString(record.json());
        } catch (JsonProcessingException e) {
            throw new MalformedRecordException("linear record cannot be serialized", e);
        }
    }
}
