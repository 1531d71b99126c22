// The browser comes from Debian (apt `chromium`); a download cannot work on the build machines.
module.exports = { skipDownload: true };
