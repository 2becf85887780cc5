package dev.steward.fulfilment;

import java.util.List;
import java.util.Set;

/**
 * What staff tell fulfilment beyond the request itself. Holds personal data (corrected values, a
 * third party's address); stored sealed under the request key.
 *
 * @param corrections values to replace, for rectification
 * @param keep categories staff keep under an exemption of the policy (e.g. legal claims)
 * @param purposes the purposes objected to or whose consent is withdrawn; empty means all
 * @param portabilityEndpoint the HTTPS address of another controller to send the data to
 * @param contentUrls the copies a business customer asks the network to purge
 * @param restrict false to lift a restriction rather than set it
 */
public record Instructions(
    List<Correction> corrections,
    List<ErasureScope.Keep> keep,
    Set<String> purposes,
    String portabilityEndpoint,
    List<String> contentUrls,
    Boolean restrict) {

  static final Instructions NONE = new Instructions(null, null, null, null, null, null);

  public Instructions {
    corrections = corrections == null ? List.of() : List.copyOf(corrections);
    keep = keep == null ? List.of() : List.copyOf(keep);
    purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
    contentUrls = contentUrls == null ? List.of() : List.copyOf(contentUrls);
  }

  boolean lifts() {
    return Boolean.FALSE.equals(restrict);
  }

  @Override
  public String toString() {
    return "Instructions[hidden]";
  }
}
