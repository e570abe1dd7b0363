// Rehearse judge harness for Go. Says it is ready, then takes one test per line on stdin
// (handed over by the supervisor, one at a time), calls the candidate's function (through
// the generated rehearseCall), captures fd 1 and 2 per test into files, and answers with one
// frame on a saved copy of the original stdout: "\n@rehearse <json>\n". Nothing here is
// trusted: the supervisor outside this process measures time, exit and memory, and the host
// compares the answers.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"runtime/debug"
	"strings"
	"syscall"
	"time"
)

type ListNode struct {
	Val  int
	Next *ListNode
}

type TreeNode struct {
	Val   int
	Left  *TreeNode
	Right *TreeNode
}

var rehearseFrames *os.File

func rehearseFrame(v map[string]any) {
	b, _ := json.Marshal(v)
	rehearseFrames.WriteString("\n@rehearse " + string(b) + "\n")
}

func toInt(v any) int       { n, _ := v.(json.Number).Int64(); return int(n) }
func toInt64(v any) int64   { n, _ := v.(json.Number).Int64(); return n }
func toFloat(v any) float64 { f, _ := v.(json.Number).Float64(); return f }
func toBool(v any) bool     { return v.(bool) }
func toString(v any) string { return v.(string) }
func toByte(v any) byte {
	s := v.(string)
	if s == "" {
		return 0
	}
	return s[0]
}
func toSlice[T any](v any, f func(any) T) []T {
	items := v.([]any)
	out := make([]T, len(items))
	for i, x := range items {
		out[i] = f(x)
	}
	return out
}
func toList(v any) *ListNode {
	items := v.([]any)
	var head *ListNode
	for i := len(items) - 1; i >= 0; i-- {
		head = &ListNode{Val: toInt(items[i]), Next: head}
	}
	return head
}
func toTree(v any) *TreeNode {
	items := v.([]any)
	if len(items) == 0 || items[0] == nil {
		return nil
	}
	root := &TreeNode{Val: toInt(items[0])}
	queue := []*TreeNode{root}
	k := 1
	for q := 0; q < len(queue) && k < len(items); q++ {
		if items[k] != nil {
			queue[q].Left = &TreeNode{Val: toInt(items[k])}
			queue = append(queue, queue[q].Left)
		}
		k++
		if k < len(items) && items[k] != nil {
			queue[q].Right = &TreeNode{Val: toInt(items[k])}
			queue = append(queue, queue[q].Right)
		}
		k++
	}
	return root
}

func fromPlain[T any](v T) any { return v }
func fromFloat(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Sprint(v)
	}
	return v
}
func fromByte(v byte) any { return string([]byte{v}) }
func fromSlice[T any](v []T, f func(T) any) any {
	if v == nil {
		return nil
	}
	out := make([]any, len(v))
	for i, x := range v {
		out[i] = f(x)
	}
	return out
}
func fromList(n *ListNode) any {
	out := []any{}
	for ; n != nil; n = n.Next {
		out = append(out, n.Val)
		if len(out) > 10000000 {
			panic("the returned list does not end (a cycle?)")
		}
	}
	return out
}
func fromTree(root *TreeNode) any {
	out := []any{}
	level := []*TreeNode{root}
	for q := 0; q < len(level); q++ {
		if level[q] == nil {
			out = append(out, nil)
			continue
		}
		out = append(out, level[q].Val)
		level = append(level, level[q].Left, level[q].Right)
		if len(level) > 10000000 {
			panic("the returned tree is too large (a cycle?)")
		}
	}
	for len(out) > 0 && out[len(out)-1] == nil {
		out = out[:len(out)-1]
	}
	return out
}

type rehearseCapture struct {
	file *os.File
	seen int64
}

func (c *rehearseCapture) take(cap int64) string {
	end, _ := c.file.Seek(0, 2)
	n := end - c.seen
	if n > cap {
		n = cap
	}
	buf := make([]byte, n)
	got, _ := c.file.ReadAt(buf, c.seen)
	c.seen = end
	return string(buf[:got])
}

func rehearseCaptureFd(path string, fd int) *rehearseCapture {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		panic(err)
	}
	syscall.Dup3(int(f.Fd()), fd, 0)
	return &rehearseCapture{file: f}
}

func rehearsePeakKb() any {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return nil
	}
	return ru.Maxrss
}

func rehearseDescribe(r any) string {
	lines := strings.Split(string(debug.Stack()), "\n")
	mine := []string{fmt.Sprintf("panic: %v", r)}
	for i := 1; i < len(lines); i++ {
		if strings.Contains(lines[i], "solution.go:") && len(mine) < 21 {
			mine = append(mine, lines[i-1], lines[i])
		}
	}
	return strings.Join(mine, "\n")
}

func rehearseRunOne(args []any) (status string, value any, errText string, ms float64) {
	start := time.Now()
	defer func() {
		if r := recover(); r != nil {
			ms = float64(time.Since(start).Nanoseconds()) / 1e6
			status, errText = "error", rehearseDescribe(r)
		}
	}()
	value = rehearseCall(args)
	ms = float64(time.Since(start).Nanoseconds()) / 1e6
	return "ok", value, "", ms
}

func main() {
	shown := int64(16384)
	fmt.Sscan(os.Getenv("REHEARSE_SHOWN_CAP"), &shown)
	debug.SetMaxStack(256 << 20)
	dup, _ := syscall.Dup(1)
	rehearseFrames = os.NewFile(uintptr(dup), "frames")
	in, _ := syscall.Dup(0)
	tests := bufio.NewReaderSize(os.NewFile(uintptr(in), "tests"), 1<<16)
	if null, err := os.Open(os.DevNull); err == nil {
		syscall.Dup3(int(null.Fd()), 0, 0)
	}
	out := rehearseCaptureFd("/tmp/.rehearse-stdout", 1)
	errs := rehearseCaptureFd("/tmp/.rehearse-stderr", 2)
	rehearseFrame(map[string]any{"t": "ready"})
	for i := 0; ; i++ {
		line, err := tests.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) == 0 && err != nil {
			break
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.UseNumber()
		var args []any
		if err := dec.Decode(&args); err != nil {
			panic(err)
		}
		status, value, errText, ms := rehearseRunOne(args)
		os.Stdout.Sync()
		rec := map[string]any{"t": "result", "i": i, "status": status, "time_ms": math.Round(ms*1000) / 1000, "mem_kb": rehearsePeakKb()}
		if status == "ok" {
			if _, err := json.Marshal(value); err != nil {
				value = fmt.Sprint(value)
			}
			rec["value"] = value
		} else {
			rec["error"] = errText
		}
		rec["stdout"] = out.take(shown)
		rec["stderr"] = errs.take(shown)
		rehearseFrame(rec)
	}
	rehearseFrame(map[string]any{"t": "done"})
}
