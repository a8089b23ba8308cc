// The IANA zone the browser runs in (e.g. "Asia/Tokyo"): the default zone of a dashboard user who chose none.
export function timeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
