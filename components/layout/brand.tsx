import { Icon } from "./icon";

/** The Bootstrap Italia brand block (emblem, name, tagline) used by header and footer. */
export function Brand({ href, title, tagline, taglineClassName = "" }: { href: string; title: string; tagline: string; taglineClassName?: string }) {
  return (
    <div className="it-brand-wrapper">
      <a href={href}>
        <Icon name="it-pa" />
        <div className="it-brand-text">
          <div className="it-brand-title">{title}</div>
          <div className={`it-brand-tagline ${taglineClassName}`.trim()}>{tagline}</div>
        </div>
      </a>
    </div>
  );
}

/** A full-width row inside the page container: the grid wrapper of every header and footer band. */
export function ContainerRow({ children }: { children: React.ReactNode }) {
  return (
    <div className="container">
      <div className="row">
        <div className="col-12">{children}</div>
      </div>
    </div>
  );
}
