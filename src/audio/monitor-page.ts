/** The confidence monitor's page: one button (browsers start audio only on a click), JSMpeg. */
export const MONITOR_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Loa — nghe kiểm tra / confidence monitor</title>
<style>body{font-family:sans-serif;max-width:32em;margin:2em auto;padding:0 1em}button{font-size:1.4em;padding:.5em 1.2em}#s{color:#555}</style>
</head><body>
<h1>Nghe kiểm tra <small>/ Confidence monitor</small></h1>
<p>Âm thanh đang phát ra loa (trễ vài giây). <br><i>What is on air now, a few seconds late.</i></p>
<button id="b">▶ Nghe / Listen</button> <span id="s"></span>
<script src="/jsmpeg.min.js"></script>
<script>
var player, b = document.getElementById('b'), s = document.getElementById('s');
b.onclick = function () {
  if (player) { player.destroy(); player = null; b.textContent = '▶ Nghe / Listen'; s.textContent = ''; return; }
  var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/stream';
  player = new JSMpeg.Player(url, { video: false, audio: true, autoplay: true,
    onSourceEstablished: function () { s.textContent = 'đang nghe / listening'; } });
  b.textContent = '■ Dừng / Stop';
};
</script>
</body></html>
`;
