/**
 * Server control (R5): what a lesson about persistence does to a server the tutor owns, its private
 * redis-server or its built-in engine. Every method ends with the server answering on the same port;
 * every connection to it was closed on the way, as a real restart closes them.
 */
export interface ServerControl {
  /** Empty, its files removed, started with Redis's default persistence settings (save points on, appendonly no). */
  fresh(): Promise<void>;
  /** A clean stop (as SHUTDOWN: a snapshot when save points are set) and a start with the running configuration. */
  restart(): Promise<void>;
  /** As `kill -9`, then a start with the running configuration: only what the files hold comes back. */
  crash(): Promise<void>;
  /** A clean stop and a start from the configuration file the server was started with (CONFIG SET forgotten). */
  restartFromConfig(): Promise<void>;
}
