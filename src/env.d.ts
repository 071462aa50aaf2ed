declare namespace App {
  interface Locals {
    /** Set by the quarter page while it renders commentary: the quarter and model the commentary components read. */
    commentary?: {
      quarterId: string;
      file: string;
      model: import('./model/model').SiteModel;
    };
  }
}
