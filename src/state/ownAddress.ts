// The app's own address, whatever the address bar looks like. A path that starts with "//"
// ("https://host//evil.example/x") read back as `${pathname}${search}${hash}` is a protocol-relative URL
// to another host: history.pushState then throws a SecurityError and a link built from it leaves the app.
// Here the path always starts with exactly one "/", and links are resolved against the page itself.

/** The path with any run of leading slashes (or backslashes) made one "/". */
export function ownPath(pathname: string): string {
  return `/${pathname.replace(/^[/\\]+/, "")}`;
}

/** A same-origin, path-absolute URL for history.pushState/replaceState: path, query and `hash`. */
export function ownRelativeUrl(location: { pathname: string; search: string }, hash = ""): string {
  return `${ownPath(location.pathname)}${location.search}${hash}`;
}

/** The full address of the app with `hash`, on the page's own scheme and host (also for file: pages). */
export function ownUrl(location: { href: string; pathname: string; search: string }, hash = ""): string {
  return new URL(ownRelativeUrl(location, hash), location.href).href;
}
