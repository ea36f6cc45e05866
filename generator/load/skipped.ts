/**
 * A request of the input that does not become an operation, and why. The loader keeps the list
 * (beside the warnings it reports) so that every request of a file is accounted for: it is either
 * an operation of the model or one of these.
 */
export interface SkippedRequest {
  /** The file and the place inside it (item path, JSON path or YAML file). */
  where: string;
  why: string;
}
