// Rehearse judge driver for Rust: appended after the generated `rehearse_call`. Says it is
// ready, then takes one test per line on stdin (handed over by the supervisor, one at a time)
// on a thread with a large stack, captures fd 1 and 2 per test into files, and answers with
// one frame on a saved copy of the original stdout: "\n@rehearse <json>\n". Nothing here is
// trusted: the supervisor outside this process measures time, exit and memory, and the host
// compares the answers.
mod rehearse_driver {
    use super::rehearse::{quote, Parser};
    use std::io::{BufRead, Read, Seek, SeekFrom, Write};
    use std::os::unix::io::{AsRawFd, FromRawFd};

    extern "C" {
        fn dup(fd: i32) -> i32;
        fn dup2(fd: i32, to: i32) -> i32;
    }

    struct Capture {
        file: std::fs::File,
        seen: u64,
    }

    impl Capture {
        fn open(path: &str, fd: i32) -> Capture {
            let file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(true)
                .open(path)
                .expect("capture file");
            unsafe { dup2(file.as_raw_fd(), fd) };
            Capture { file, seen: 0 }
        }
        fn take(&mut self, cap: u64) -> String {
            let end = self.file.seek(SeekFrom::End(0)).unwrap_or(self.seen);
            let n = (end - self.seen).min(cap);
            let mut buf = vec![0u8; n as usize];
            let _ = self.file.seek(SeekFrom::Start(self.seen));
            let got = self.file.read(&mut buf).unwrap_or(0);
            buf.truncate(got);
            self.seen = end;
            String::from_utf8_lossy(&buf).into_owned()
        }
    }

    fn peak_kb() -> String {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .and_then(|l| l.split_whitespace().nth(1).map(String::from))
            })
            .unwrap_or_else(|| "null".into())
    }

    pub fn main() {
        let shown: u64 = std::env::var("REHEARSE_SHOWN_CAP")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(16384);
        let mut frames = unsafe { std::fs::File::from_raw_fd(dup(1)) };
        let mut frame = move |json: String| {
            let _ = frames.write_all(format!("\n@rehearse {}\n", json).as_bytes());
        };
        let mut tests = std::io::BufReader::with_capacity(1 << 16, unsafe { std::fs::File::from_raw_fd(dup(0)) });
        if let Ok(null) = std::fs::File::open("/dev/null") {
            unsafe { dup2(null.as_raw_fd(), 0) };
        }
        let panic_message = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let sink = panic_message.clone();
        std::panic::set_hook(Box::new(move |info| {
            let msg = if let Some(s) = info.payload().downcast_ref::<&str>() {
                s.to_string()
            } else if let Some(s) = info.payload().downcast_ref::<String>() {
                s.clone()
            } else {
                "Box<dyn Any>".to_string()
            };
            let place = info
                .location()
                .map(|l| format!(" at {}:{}:{}", l.file(), l.line(), l.column()))
                .unwrap_or_default();
            *sink.lock().unwrap() = format!("panicked{}:\n{}", place, msg);
        }));
        let mut out = Capture::open("/tmp/.rehearse-stdout", 1);
        let mut err = Capture::open("/tmp/.rehearse-stderr", 2);
        frame("{\"t\":\"ready\"}".to_string());
        let mut line = Vec::new();
        for i in 0.. {
            line.clear();
            if tests.read_until(b'\n', &mut line).unwrap_or(0) == 0 {
                break;
            }
            let args = Parser { t: &line, p: 0 }.parse();
            let start = std::time::Instant::now();
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| super::rehearse_call(args.items())));
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            let _ = std::io::stdout().flush();
            let body = match result {
                Ok(value) => format!("\"status\":\"ok\",\"value\":{}", value),
                Err(_) => format!("\"status\":\"error\",\"error\":{}", quote(&panic_message.lock().unwrap())),
            };
            frame(format!(
                "{{\"t\":\"result\",\"i\":{},{},\"time_ms\":{:.3},\"mem_kb\":{},\"stdout\":{},\"stderr\":{}}}",
                i,
                body,
                ms,
                peak_kb(),
                quote(&out.take(shown)),
                quote(&err.take(shown))
            ));
        }
        frame("{\"t\":\"done\"}".to_string());
    }
}

fn main() {
    let worker = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(rehearse_driver::main)
        .expect("thread");
    let _ = worker.join();
}
