package dev.steward;

public final class Main {
  public static void main(String[] args) {}
}
