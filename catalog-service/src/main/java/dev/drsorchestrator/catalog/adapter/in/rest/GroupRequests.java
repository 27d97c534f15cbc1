package dev.drsorchestrator.catalog.adapter.in.rest;

import dev.drsorchestrator.catalog.domain.GroupDefinition;
import dev.drsorchestrator.catalog.domain.TagSelector;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.kit.rest.FieldError;
import dev.drsorchestrator.kit.rest.ProblemException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks Bean Validation cannot express (a real region, no duplicates, some members), then the definition. */
final class GroupRequests {

    private GroupRequests() {}

    static GroupDefinition toDefinition(GroupRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON object with the group is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (!Regions.known(request.region())) {
            errors.add(new FieldError("region", Regions.unknownReason(request.region())));
        }
        List<String> ids = request.sourceServerIds() == null ? List.of() : request.sourceServerIds();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                errors.add(new FieldError("sourceServerIds[" + i + "]", "'" + ids.get(i) + "' is listed twice"));
            }
        }
        Map<String, List<String>> selector = request.tagSelector() == null ? Map.of() : request.tagSelector();
        if (ids.isEmpty() && selector.isEmpty()) {
            errors.add(new FieldError(
                    "sourceServerIds", "a group needs members: list sourceServerIds, give a tagSelector, or both"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Set<SourceServerId> explicit = new LinkedHashSet<>();
        ids.forEach(id -> explicit.add(SourceServerId.of(id)));
        return new GroupDefinition(
                request.name().strip(),
                blankToNull(request.description()),
                AccountId.of(request.accountId()),
                request.region(),
                blankToNull(request.owner()),
                explicit,
                TagSelector.of(selector));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
