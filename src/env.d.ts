declare namespace App {
  interface Locals {
    /** Set by the quarter page while it renders commentary, for the commentary components. */
    commentary?: { quarterId: string; file: string };
  }
}
