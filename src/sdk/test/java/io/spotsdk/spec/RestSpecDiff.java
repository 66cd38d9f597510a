package io.spotsdk.spec;

import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * The REST document's changes as openapi-diff judges them: whatever it calls incompatible is BREAKING (a removed
 * operation, response or parameter, a parameter or request field that became required, a response field no longer
 * required, a narrower request enum...). The verdict is openapi-diff's; this class only names the places, so a
 * failing build says which operation and status moved, not just "incompatible".
 */
final class RestSpecDiff {
  private static final String SOURCE = "REST openapi-diff";

  private RestSpecDiff() {}

  static List<SpecChange> compare(String baselineYaml, String currentYaml) {
    ChangedOpenApi diff = OpenApiCompare.fromContents(baselineYaml, currentYaml);
    List<SpecChange> out = new ArrayList<>();
    for (Endpoint e : diff.getMissingEndpoints()) {
      out.add(SpecChange.breaking(SOURCE, name(e), "operation removed", e.getMethod() + " " + e.getPathUrl(), null));
    }
    for (Endpoint e : diff.getNewEndpoints()) {
      out.add(SpecChange.minor(SOURCE, name(e), "operation added", null, e.getMethod() + " " + e.getPathUrl()));
    }
    for (ChangedOperation op : diff.getChangedOperations()) {
      describe(op, out);
    }
    return out;
  }

  private static void describe(ChangedOperation op, List<SpecChange> out) {
    String where = op.getHttpMethod() + " " + op.getPathUrl() + " (" + op.getOldOperation().getOperationId() + ")";
    DiffResult result = op.isChanged();
    switch (result) {
      case NO_CHANGES:
        return;
      case METADATA:
        out.add(SpecChange.patch(SOURCE, where, "descriptions or examples changed"));
        return;
      case COMPATIBLE:
        out.add(SpecChange.minor(SOURCE, where, "compatible change (e.g. an optional parameter or a response added)", null, null));
        return;
      case UNKNOWN:
        // openapi-diff could not judge it: a human must, so it cannot pass as a patch
        out.add(SpecChange.minor(SOURCE, where, "change openapi-diff cannot judge: review it", null, null));
        return;
      default:
        break;
    }
    int before = out.size();
    parameters(where, op.getParameters(), out);
    if (op.resultRequestBody().isIncompatible()) {
      ChangedContent content = op.getRequestBody().getContent();
      schemaOf(where + " request body", content, true, out);
    }
    responses(where, op.getApiResponses(), out);
    if (op.resultSecurityRequirements().isIncompatible()) {
      out.add(SpecChange.breaking(SOURCE, where, "security requirements changed incompatibly", null, null));
    }
    if (out.size() == before) {
      // openapi-diff says incompatible somewhere this walk does not name: keep its verdict, say where to look
      out.add(SpecChange.breaking(SOURCE, where, "incompatible change (see openapi-diff's report)", null, null));
    }
  }

  private static void parameters(String where, ChangedParameters params, List<SpecChange> out) {
    if (params == null || !params.isChanged().isIncompatible()) return;
    for (Parameter p : params.getMissing()) {
      out.add(SpecChange.breaking(SOURCE, where, "parameter removed", p.getIn() + " " + p.getName(), null));
    }
    for (Parameter p : params.getIncreased()) {
      if (Boolean.TRUE.equals(p.getRequired())) {
        out.add(SpecChange.breaking(SOURCE, where, "required parameter added", null, p.getIn() + " " + p.getName()));
      }
    }
    for (ChangedParameter p : params.getChanged()) {
      if (!p.isChanged().isIncompatible()) continue;
      String name = "parameter " + p.getName();
      if (p.isChangeRequired()) {
        out.add(SpecChange.breaking(SOURCE, where, name + " is now required", "optional", "required"));
      } else if (p.getSchema() != null && p.getSchema().isChanged().isIncompatible()) {
        schema(where + " " + name, p.getSchema(), true, out);
      } else {
        out.add(SpecChange.breaking(SOURCE, where, name + " changed incompatibly", null, null));
      }
    }
  }

  private static void responses(String where, ChangedApiResponse responses, List<SpecChange> out) {
    if (responses == null || !responses.isChanged().isIncompatible()) return;
    responses.getMissing().forEach((status, r) ->
        out.add(SpecChange.breaking(SOURCE, where + " status " + status, "response removed",
            r.getDescription() != null ? r.getDescription() : r.get$ref(), null)));
    for (Map.Entry<String, ChangedResponse> e : responses.getChanged().entrySet()) {
      ChangedResponse r = e.getValue();
      if (!r.isChanged().isIncompatible()) continue;
      String at = where + " status " + e.getKey();
      int before = out.size();
      if (r.getHeaders() != null && r.getHeaders().isChanged().isIncompatible()) {
        r.getHeaders().getMissing().keySet().forEach(h ->
            out.add(SpecChange.breaking(SOURCE, at, "header removed", h, null)));
      }
      schemaOf(at, r.getContent(), false, out);
      if (out.size() == before) out.add(SpecChange.breaking(SOURCE, at, "response changed incompatibly", null, null));
    }
  }

  private static void schemaOf(String where, ChangedContent content, boolean request, List<SpecChange> out) {
    if (content == null || !content.isChanged().isIncompatible()) return;
    content.getMissing().keySet().forEach(type -> out.add(SpecChange.breaking(SOURCE, where, "media type removed", type, null)));
    for (ChangedMediaType m : content.getChanged().values()) {
      if (m.getSchema() != null) schema(where, m.getSchema(), request, out);
    }
  }

  /** Names the incompatible parts of a schema: required lists, removed properties, types; nested properties by path. */
  private static void schema(String where, ChangedSchema s, boolean request, List<SpecChange> out) {
    if (s == null || !s.isChanged().isIncompatible()) return;
    int before = out.size();
    if (s.getRequired() != null) {
      if (request) {
        s.getRequired().getIncreased().forEach(f ->
            out.add(SpecChange.breaking(SOURCE, where, "field " + f + " is now required", "optional", "required")));
      } else {
        s.getRequired().getMissing().forEach(f ->
            out.add(SpecChange.breaking(SOURCE, where, "field " + f + " is no longer required", "required",
                s.getNewSchema() != null && s.getNewSchema().getProperties() != null
                    && s.getNewSchema().getProperties().containsKey(f) ? "optional" : "removed")));
      }
    }
    if (request) {
      s.getMissingProperties().keySet().forEach(f -> out.add(SpecChange.breaking(SOURCE, where, "field removed", f, null)));
    }
    if (s.isChangedType()) {
      out.add(SpecChange.breaking(SOURCE, where, "type changed", type(s.getOldSchema()), type(s.getNewSchema())));
    }
    s.getChangedProperties().forEach((name, p) -> schema(where + " ." + name, p, request, out));
    if (s.getItems() != null) schema(where + "[]", s.getItems(), request, out);
    if (out.size() == before) {
      out.add(SpecChange.breaking(SOURCE, where, "schema changed incompatibly (see openapi-diff's report)", null, null));
    }
  }

  private static String type(io.swagger.v3.oas.models.media.Schema<?> s) {
    return s == null ? null : s.getType() + (s.getFormat() == null ? "" : "/" + s.getFormat());
  }

  private static String name(Endpoint e) {
    String id = e.getOperation() == null ? null : e.getOperation().getOperationId();
    return e.getMethod() + " " + e.getPathUrl() + (id == null ? "" : " (" + id + ")");
  }
}
