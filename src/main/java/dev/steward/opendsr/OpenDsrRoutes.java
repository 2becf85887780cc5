package dev.steward.opendsr;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.steward.error.ForbiddenException;
import dev.steward.opendsr.OpenDsrWire.Created;
import dev.steward.opendsr.OpenDsrWire.Discovery;
import dev.steward.opendsr.OpenDsrWire.Status;
import dev.steward.opendsr.OpenDsrWire.SubmitBody;
import dev.steward.opendsr.OpenDsrWire.SupportedIdentity;
import dev.steward.principal.ClientKind;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The OpenDSR 2.0 processor endpoint under {@code /opendsr/v1}. Every answer body, problems
 * included, is signed with the processor key ({@code X-OpenDSR-Signature}), so a controller can
 * trust a refusal as much as an acceptance; without a configured key every route answers 503 {@code
 * opendsr-not-configured}, unsigned. Thin: parse, call {@link ProcessorService}, sign, write.
 */
public final class OpenDsrRoutes {
  private static final String BASE = "/opendsr/v1";

  private final ProcessorService service;
  private final Supplier<ProcessorKey> key;
  private final String processorDomain;

  OpenDsrRoutes(ProcessorService service, Supplier<ProcessorKey> key, String processorDomain) {
    this.service = service;
    this.key = key;
    this.processorDomain = processorDomain;
  }

  public void addTo(RouteRegistry routes) {
    Access open = Access.open(PublicKind.OPENDSR_DISCOVERY);
    Access controller = Access.requires(Permission.OPENDSR_SUBMIT);
    routes.signProblems(BASE, this::problemHeaders);
    routes.add(
        ApiRoute.get(BASE + "/discovery")
            .access(open)
            .tag("opendsr")
            .summary("OpenDSR discovery: identities, request types, the certificate's URL")
            .response(Discovery.class)
            .handle((ctx, caller) -> signed(ctx, key.get(), 200, discovery(ctx))));
    routes.add(
        ApiRoute.get(BASE + "/certificate")
            .access(open)
            .tag("opendsr")
            .summary("The processor's certificate chain (PEM), its own certificate first")
            .produces("application/x-pem-file")
            .handle(
                (ctx, caller) ->
                    ctx.contentType("application/x-pem-file").result(key.get().chainPem())));
    routes.add(
        ApiRoute.post(BASE + "/requests")
            .access(controller)
            .tag("opendsr")
            .summary("A controller sends a request; answered once per subject_request_id")
            .request(SubmitBody.class)
            .response(Created.class)
            .status(201)
            .handle(
                (ctx, caller) -> {
                  ProcessorKey signer = key.get();
                  Principal.Client client = controller(caller);
                  SubmitBody body = Json.read(ctx, SubmitBody.class);
                  signed(ctx, signer, 201, service.submit(client, ctx.bodyAsBytes(), body));
                }));
    routes.add(
        ApiRoute.get(BASE + "/requests/{id}")
            .access(controller)
            .tag("opendsr")
            .summary("The status of a request this controller sent")
            .response(Status.class)
            .handle(
                (ctx, caller) -> {
                  ProcessorKey signer = key.get();
                  signed(ctx, signer, 200, service.status(controller(caller), ctx.pathParam("id")));
                }));
    routes.add(
        ApiRoute.delete(BASE + "/requests/{id}")
            .access(controller)
            .tag("opendsr")
            .summary("Cancel a request while it is pending")
            .response(Status.class)
            .status(202)
            .handle(
                (ctx, caller) -> {
                  ProcessorKey signer = key.get();
                  signed(ctx, signer, 202, service.cancel(controller(caller), ctx.pathParam("id")));
                }));
  }

  private Discovery discovery(Context ctx) {
    return new Discovery(
        OpenDsrWire.API_VERSION,
        SubmissionCheck.IDENTITY_TYPES.stream()
            .sorted()
            .map(type -> new SupportedIdentity(type, "raw"))
            .toList(),
        List.of("access", "portability", "erasure"),
        dev.steward.web.ClientOrigin.of(ctx).scheme() + "://" + ctx.host() + BASE + "/certificate");
  }

  private static Principal.Client controller(Principal caller) {
    if (caller instanceof Principal.Client client
        && client.kind() == ClientKind.OPENDSR_CONTROLLER) {
      return client;
    }
    throw new ForbiddenException("OpenDSR requests are sent with an opendsr-controller account");
  }

  /** The signature headers of a problem answer; none when no key is configured to sign with. */
  private Map<String, String> problemHeaders(byte[] body) {
    ProcessorKey signer;
    try {
      signer = key.get();
    } catch (OpenDsrNotConfiguredException notConfigured) {
      return Map.of();
    }
    return Map.of(
        OpenDsrSignatures.SIGNATURE,
        signer.sign(body),
        OpenDsrSignatures.PROCESSOR_DOMAIN,
        processorDomain);
  }

  /** Writes {@code body} with its signature; the key is taken before any work is done. */
  private void signed(Context ctx, ProcessorKey signer, int status, Object body) {
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an OpenDSR answer", e);
    }
    ctx.status(status)
        .header(OpenDsrSignatures.SIGNATURE, signer.sign(bytes))
        .header(OpenDsrSignatures.PROCESSOR_DOMAIN, processorDomain)
        .contentType("application/json")
        .result(bytes);
  }
}
