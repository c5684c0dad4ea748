package io.megaphone.generate;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A crisis during which promotions are planted (the psychopath), with the hashtags they ride. */
record CrisisWindow(String name, Instant start, Instant end, String[] hashtags, List<String> keywords,
    String pitchFr, String pitchEn) implements Serializable {

  static final List<CrisisWindow> ALL = List.of(
      new CrisisWindow("COVID-19 first lockdown (France)", Instant.parse("2020-03-17T00:00:00Z"),
          Instant.parse("2020-05-11T00:00:00Z"), new String[] {"#confinement", "#COVID19", "#restezchezvous", "#StayHome"},
          List.of("confinement", "covid", "coronavirus", "lockdown"), "Restez chez vous, on livre !",
          "Stay home, we deliver!"),
      new CrisisWindow("COVID-19 second lockdown (France)", Instant.parse("2020-10-30T00:00:00Z"),
          Instant.parse("2020-12-15T00:00:00Z"), new String[] {"#confinement2", "#COVID19", "#reconfinement"},
          List.of("confinement", "covid", "reconfinement", "lockdown"), "Reconfinés ? Faites-vous plaisir !",
          "Locked down again? Treat yourself!"),
      new CrisisWindow("COVID-19 third lockdown (France)", Instant.parse("2021-04-03T00:00:00Z"),
          Instant.parse("2021-05-03T00:00:00Z"), new String[] {"#confinement3", "#COVID19"},
          List.of("confinement", "covid", "lockdown"), "Confinement : le bon moment pour craquer.",
          "Lockdown: the perfect time to splurge."));

  boolean contains(long epochSecond) {
    return epochSecond >= start.getEpochSecond() && epochSecond < end.getEpochSecond();
  }
}
