package io.quotewire.appearance;

import io.quotewire.api.paging.Page;
import io.quotewire.api.paging.PageRequest;
import io.quotewire.api.params.QueryValues;
import io.quotewire.api.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/quotes/{id}/appearances")
@Tag(name = "Quotes")
@Produces(MediaType.APPLICATION_JSON)
public class AppearanceResource {

    private final AppearanceService service;

    public AppearanceResource(AppearanceService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List the appearances of a quote",
            description = "Every source that reported the quote, oldest first: the quote's own source first, with the quote's id.")
    @APIResponse(responseCode = "200", description = "A page of appearances")
    public Page<AppearanceView> listAppearances(@PathParam("id") String id, @Valid @BeanParam PageRequest page, @Context UriInfo uri) {
        return service.listAppearances(QueryValues.uuid(id, "id"), page)
                .map(slice -> Page.of(slice, page, uri))
                .orElseThrow(() -> ProblemException.notFound("quote", id));
    }
}
