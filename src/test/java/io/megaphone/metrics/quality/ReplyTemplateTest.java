package io.megaphone.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTemplateTest {
  @Test
  void sameTemplate_differentCustomer_sameSkeleton() {
    String a = ReplyTemplate.skeleton("@marie_l Bonjour Marie, nous sommes désolés pour ce désagrément. Pouvez-vous"
        + " nous envoyer votre numéro de commande en message privé ? ^AB");
    String b = ReplyTemplate.skeleton("@jdupont75 Bonjour Jean, nous sommes désolés pour ce désagrément. Pouvez-vous"
        + " nous envoyer votre numéro de commande en message privé ? ^KZ");
    assertThat(a).isEqualTo(b).contains("<user> bonjour <name>, nous sommes désolés").endsWith("<sig>");
    assertThat(ReplyTemplate.skeleton("Tom, we've passed your request on to the right team. Have a nice day! ^QW"))
        .isEqualTo(ReplyTemplate.skeleton("Anna, we've passed your request on to the right team. Have a nice day! ^ZZ"));
    assertThat(ReplyTemplate.skeleton("Hi Sam, your order 12345 ships on 12/03. See https://x.example/t/1"))
        .isEqualTo(ReplyTemplate.skeleton("Hi Lee, your order 998 ships on 01/04. See https://x.example/t/77"));
  }

  @Test
  void differentMessages_differentSkeletons() {
    assertThat(ReplyTemplate.skeleton("Bonjour Marie, le colis part demain matin."))
        .isNotEqualTo(ReplyTemplate.skeleton("Bonjour Marie, le remboursement est validé."));
    assertThat(ReplyTemplate.skeleton("Merci pour votre retour")).isEqualTo("merci pour votre retour");
    assertThat(ReplyTemplate.skeleton(null)).isEmpty();
  }
}
