// Rehearse judge driver for C++: included after the candidate's code and the generated
// `rehearse_call`. Says it is ready, then takes one test per line on stdin (handed over by the
// supervisor, one at a time) and runs it on a thread with a large stack, capturing fd 1 and 2
// per test into files; each answer is one frame on a saved copy of the original stdout.
// Nothing here is trusted: the supervisor outside this process measures time, exit and
// memory, and the host compares the answers.
namespace rehearse {
static int frames_fd = -1;
static int tests_fd = -1;
static size_t shown_cap = 16384;

static pid_t main_pid = 0;

static void frame(const std::string &json) {
    // A process the candidate forked must not report, nor run the remaining tests.
    if (getpid() != main_pid) _exit(0);
    std::string line = "\n@rehearse " + json + "\n";
    size_t off = 0;
    while (off < line.size()) {
        ssize_t n = ::write(frames_fd, line.data() + off, line.size() - off);
        if (n <= 0) break;
        off += (size_t)n;
    }
}

struct Capture {
    int fd;
    off_t seen = 0;
    explicit Capture(const char *path) { fd = ::open(path, O_RDWR | O_CREAT | O_TRUNC, 0600); }
    std::string take() {
        off_t end = ::lseek(fd, 0, SEEK_END);
        size_t n = std::min((size_t)(end - seen), shown_cap);
        std::string s(n, '\0');
        if (n) { ssize_t got = ::pread(fd, &s[0], n, seen); s.resize(got > 0 ? (size_t)got : 0); }
        seen = end;
        return s;
    }
};

// The next test's line from the supervisor; false at the end of the tests.
static bool next_test(std::string &line) {
    static std::string inbox;
    line.clear();
    char buf[1 << 16];
    for (;;) {
        size_t nl = inbox.find('\n');
        if (nl != std::string::npos) {
            line.assign(inbox, 0, nl);
            inbox.erase(0, nl + 1);
            return true;
        }
        ssize_t n = ::read(tests_fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        inbox.append(buf, (size_t)n);
    }
}

static void *run_all(void *) {
    Capture out("/tmp/.rehearse-stdout"), err("/tmp/.rehearse-stderr");
    fflush(stdout);
    ::dup2(out.fd, 1);
    ::dup2(err.fd, 2);
    frame("{\"t\":\"ready\"}");
    std::string line;
    for (size_t i = 0; next_test(line); i++) {
        Value test = Parser{line}.parse();
        std::string status = "ok", extra;
        auto start = std::chrono::steady_clock::now();
        try {
            extra = ",\"value\":" + rehearse_call(test);
        } catch (const std::bad_alloc &e) {
            status = "memory";
            extra = ",\"error\":" + quote("std::bad_alloc");
        } catch (const std::exception &e) {
            status = "error";
            extra = ",\"error\":" + quote(std::string("terminate called after throwing an instance of '") + typeid(e).name() + "'\n  what():  " + e.what());
        } catch (...) {
            status = "error";
            extra = ",\"error\":" + quote("terminate called after throwing an exception that is not a std::exception");
        }
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        fflush(stdout);
        std::cout.flush();
        std::cerr.flush();
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        char time_buf[32];
        snprintf(time_buf, sizeof time_buf, "%.3f", ms);
        frame("{\"t\":\"result\",\"i\":" + std::to_string(i) + ",\"status\":\"" + status + "\"" + extra +
              ",\"time_ms\":" + time_buf + ",\"mem_kb\":" + std::to_string(ru.ru_maxrss) +
              ",\"stdout\":" + quote(out.take()) + ",\"stderr\":" + quote(err.take()) + "}");
    }
    frame("{\"t\":\"done\"}");
    return nullptr;
}
}  // namespace rehearse

int main() {
    if (const char *cap = getenv("REHEARSE_SHOWN_CAP")) rehearse::shown_cap = strtoul(cap, nullptr, 10);
    rehearse::frames_fd = dup(1);
    rehearse::tests_fd = dup(0);
    int devnull = ::open("/dev/null", O_RDONLY);
    if (devnull >= 0) ::dup2(devnull, 0);
    rehearse::main_pid = getpid();
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, (size_t)256 << 20);
    pthread_t t;
    if (pthread_create(&t, &attr, rehearse::run_all, nullptr) != 0) rehearse::run_all(nullptr);
    else pthread_join(t, nullptr);
    return 0;
}
