// The SignalR browser build (/lib/signalr/signalr.min.js, a classic script) as an ES module, for
// the Broadcart client's built output, which imports '@microsoft/signalr' by name. Without it the
// exports are undefined and connectHub says so on the page, rather than the page failing to load.
const signalR = globalThis.signalR ?? {};

export const { HubConnectionBuilder, HubConnectionState, HttpTransportType, JsonHubProtocol, LogLevel } = signalR;
