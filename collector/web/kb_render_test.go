package web

import (
	"regexp"
	"strings"
	"testing"
)

func TestKBBody(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs and breaks", "Open the tray.\nPull the paper.\n\nClose it.",
			"<p>Open the tray.<br>\nPull the paper.</p>\n<p>Close it.</p>\n"},
		{"bulleted list", "Steps:\n- one\n* two\n\nDone",
			"<p>Steps:</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p>Done</p>\n"},
		{"numbered list", "1. first\n2) second",
			"<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n"},
		{"list kinds switch", "- a\n1. b", "<ul>\n<li>a</li>\n</ul>\n<ol>\n<li>b</li>\n</ol>\n"},
		{"script escaped", `<script>alert("x")</script>`,
			"<p>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</p>\n"},
		{"markdown link", "See [the guide](https://intranet.example/guide?a=1&b=2).",
			`<p>See <a href="https://intranet.example/guide?a=1&amp;b=2" rel="nofollow noopener noreferrer">the guide</a>.</p>` + "\n"},
		{"bare link", "Go to http://printer.local/ now.",
			`<p>Go to <a href="http://printer.local/" rel="nofollow noopener noreferrer">http://printer.local/</a> now.</p>` + "\n"},
		{"javascript link stays text", "[click](javascript:alert(1))",
			"<p>[click](javascript:alert(1))</p>\n"},
		{"escaped link text", `[<b>x</b>](https://a.example/)`,
			`<p><a href="https://a.example/" rel="nofollow noopener noreferrer">&lt;b&gt;x&lt;/b&gt;</a></p>` + "\n"},
		{"crlf", "a\r\nb", "<p>a<br>\nb</p>\n"},
		{"empty", "  \n\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(kbBody(tc.in)); got != tc.want {
				t.Errorf("got %q; want %q", got, tc.want)
			}
		})
	}
}

// reKBTag is every tag kbBody may write; an anchor's href must be http(s).
var reKBTag = regexp.MustCompile(`^<(?:/?(?:p|ul|ol|li|a)>|br>|a href="https?://[^"<>]*" rel="nofollow noopener noreferrer">)`)

// FuzzKBBody checks no input makes the renderer write a tag other than
// its own, or a link other than http(s).
func FuzzKBBody(f *testing.F) {
	for _, s := range []string{"", "a\n\nb", "- x\n1. y", "<script>x</script>", "[t](https://x.example/)",
		"http://a.example/\"onmouseover=x", "[a](javascript:x)", "<a href=\"https://x\">", "1. [<i>](http://h/<)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := string(kbBody(in))
		for i := strings.IndexByte(out, '<'); i >= 0; {
			if !reKBTag.MatchString(out[i:]) {
				t.Fatalf("input %q: unexpected markup at %q", in, out[i:min(len(out), i+60)])
			}
			j := strings.IndexByte(out[i+1:], '<')
			if j < 0 {
				break
			}
			i += 1 + j
		}
	})
}
