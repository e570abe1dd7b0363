# Rehearse's supervisor: the one trusted process of a sandbox step. It runs as root inside the
# container, holding only CAP_SETUID and CAP_SETGID, and starts the step's program as user
# 65534 with no capabilities at all. It is the only writer of the container's stdout, which
# the host reads: the program can neither reach this process (another user: no signals, no
# /proc/<pid>/fd, no ptrace) nor that stream (it never inherits it). Everything the host
# trusts is measured here: the exit status and signal, memory, which tests ran and how much
# CPU each took (the container's cgroup counts it, so a busy machine does not make a program
# slower, and a program cannot hide its work in another process). What the program itself says (its answers, its prints) is forwarded as data.
#
# Written for perl-base, which every Debian and Ubuntu image carries, and without modules
# (POSIX alone takes ~20 ms to load, warnings 4 ms): the few system calls perl has no word
# for are made by number, and the constants written out, for the two architectures Docker
# runs (x86-64 and arm64, where they agree but for the call numbers).
#
# The job is /rehearse/job (key=value lines): mode (exec | judge), stdin (a file, exec mode),
# tests (a file with one JSON line per test, judge mode), repeat (runs per test), test_ms,
# wall_ms, out_cap, err_cap, unpack (a tar of the compiled program, unpacked into
# /work/build first). The program is the sh command in /rehearse/cmd, run in /work.
#
# To the host, on stdout:
#   o <len>\n<bytes>    the program's stdout       e <len>\n<bytes>   its stderr
#   s <i> <r>           test i (run r) handed to the program
#   t <i> <r> <ns> <kb> the program answered it, having used <ns> nanoseconds of CPU on it
#                       (of wall time where the cgroup cannot be read); its peak memory (kB)
#   k <why> <i> <r>     the program was stopped: test_time (its CPU on the test reached
#                       test_ms) | test_wall (no answer after test_wall_ms of wall time,
#                       most of it idle) | wall | output_stdout | output_stderr
#   x <code> <signal> <oom_kills> <peak_bytes>   the program ended (code -1: it was stopped)
#   f <len>\n<text>     the supervisor itself failed (not the program's doing)
use strict;

my $UID = 65534;
my ($EINTR, $EAGAIN, $F_GETFL, $F_SETFL, $O_NONBLOCK, $WNOHANG) = (4, 11, 3, 4, 0x800, 1);
my $FRAME = '@rehearse ';

binmode STDOUT;
$| = 0;

sub put {
    my ($data) = @_;
    my $off = 0;
    while ($off < length $data) {
        my $n = syswrite(STDOUT, $data, length($data) - $off, $off);
        if (!defined $n) {
            next if $! == $EINTR || $! == $EAGAIN;
            exit 70;
        }
        $off += $n;
    }
}

sub chunk { my ($tag, $bytes) = @_; put("$tag " . length($bytes) . "\n" . $bytes); }

sub fail { chunk('f', join('', @_)); exit 70; }

# System call numbers by architecture, from the ELF header of this perl (e_machine).
my %SYS = do {
    open(my $exe, '<:raw', '/proc/self/exe') or fail("/proc/self/exe: $!");
    read($exe, my $elf, 20) == 20 or fail('/proc/self/exe is not readable');
    my $machine = unpack('v', substr($elf, 18, 2));
    $machine == 62 ? (clock_gettime => 228, setgroups => 116, setresuid => 117, setresgid => 119)
      : $machine == 183 ? (clock_gettime => 113, setgroups => 159, setresuid => 147, setresgid => 149)
      : fail("unsupported machine type $machine");
};

sub now_ns {
    my $t = "\0" x 16;
    syscall($SYS{clock_gettime}, 1, $t) == 0 or fail("the clock cannot be read: $!");
    my ($s, $ns) = unpack('q q', $t);
    return $s * 1_000_000_000 + $ns;
}

my %job;
open(my $jf, '<', '/rehearse/job') or fail("the step has no job file: $!");
while (my $line = <$jf>) {
    chomp $line;
    my ($k, $v) = split /=/, $line, 2;
    $job{$k} = $v if defined $v;
}
close $jf;
my $judge = ($job{mode} // '') eq 'judge';

# CPU used by everything in the container (ns): cgroup v2, else v1; undef when neither reads.
my ($CPU_FILE) = grep { -r $_ } '/sys/fs/cgroup/cpu.stat', '/sys/fs/cgroup/cpuacct/cpuacct.usage',
    '/sys/fs/cgroup/cpu,cpuacct/cpuacct.usage';
sub cpu_ns {
    return undef unless defined $CPU_FILE;
    open(my $fh, '<', $CPU_FILE) or return undef;
    while (<$fh>) {
        return $1 * 1000 if /^usage_usec (\d+)/;
        return $1 if /^(\d+)$/;
    }
    return undef;
}
my $repeat = $job{repeat} || 1;
my $wall_ns = ($job{wall_ms} || 5000) * 1_000_000;
my $test_ns = ($job{test_ms} || 0) * 1_000_000;
my $test_wall_ns = ($job{test_wall_ms} || 0) * 1_000_000;
my %cap = (o => $job{out_cap} || 1 << 20, e => $job{err_cap} || 1 << 20);
my $cmd = do { local $/; open(my $cf, '<', '/rehearse/cmd') or fail("the step has no command: $!"); <$cf> };
if ($job{unpack}) {
    mkdir('/work/build') or fail("/work/build: $!");
    my $msg = `tar -x -f '$job{unpack}' -C /work/build --no-same-owner 2>&1`;
    fail("the compiled program could not be unpacked into the sandbox: $msg") if $? != 0;
    unlink $job{unpack};
}

my $tests;
if ($judge) { open($tests, '<', $job{tests}) or fail("the tests cannot be read: $!"); }
my ($in_r, $in_w);
if ($judge) {
    pipe($in_r, $in_w) or fail("pipe: $!");
} else {
    my $path = $job{stdin} || '/dev/null';
    open($in_r, '<', $path) or fail("the program's input cannot be opened: $!");
}
pipe(my $out_r, my $out_w) or fail("pipe: $!");
pipe(my $err_r, my $err_w) or fail("pipe: $!");
pipe(my $st_r, my $st_w) or fail("pipe: $!");

$SIG{CHLD} = sub { };
$SIG{PIPE} = 'IGNORE';
my $pid = fork();
defined $pid or fail("fork: $!");
if ($pid == 0) {
    # The program: its own descriptors only (perl opens everything else close-on-exec), as
    # the unprivileged user in every uid and gid, with no supplementary groups and, having
    # left uid 0, no capabilities.
    $SIG{PIPE} = 'DEFAULT';
    open(STDIN, '<&', $in_r) or child_fail("stdin: $!");
    open(STDOUT, '>&', $out_w) or child_fail("stdout: $!");
    open(STDERR, '>&', $err_w) or child_fail("stderr: $!");
    syscall($SYS{setgroups}, 1, pack('L', $UID)) == 0 or child_fail("setgroups: $!");
    syscall($SYS{setresgid}, $UID, $UID, $UID) == 0 or child_fail("setresgid: $!");
    syscall($SYS{setresuid}, $UID, $UID, $UID) == 0 or child_fail("setresuid: $!");
    open(my $st, '<', '/proc/self/status') or child_fail("/proc/self/status: $!");
    my %id = map { /^(\w+):\s*(.*)$/ ? ($1, $2) : () } <$st>;
    child_fail('the program would keep privileges: ' . join(' / ', map { "$_ $id{$_}" } qw(Uid Gid Groups CapEff CapPrm)))
        if ($id{Uid} // '') ne "$UID\t$UID\t$UID\t$UID" || ($id{Gid} // '') ne "$UID\t$UID\t$UID\t$UID"
        || ($id{Groups} // '') !~ /^(\Q$UID\E)?\s*$/ || ($id{CapEff} // '') !~ /^0+$/ || ($id{CapPrm} // '') !~ /^0+$/;
    chdir('/work') or child_fail("/work: $!");
    exec('/bin/sh', '-c', $cmd) or child_fail("exec: $!");
}

sub child_fail {
    syswrite($st_w, $_[0]);
    exit 127;
}

close $st_w;
close $out_w;
close $err_w;
close $in_r;
my $why = '';
sysread($st_r, $why, 4096);
close $st_r;
fail("the program could not be started: $why") if length $why;

my $started = now_ns();
my $deadline = $started + $wall_ns;
my %total = (o => 0, e => 0);
my %open = (o => $out_r, e => $err_r);
my ($phase, $index, $run, $sent_at, $sent_cpu, $line, $pending) = ($judge ? 'load' : 'drain', -1, 0, 0, undef, undef, '');
my $head = '';
my $status;

if ($judge) {
    nonblocking($in_w);
} elsif (defined $in_w) {
    close $in_w;
}

sub stop_input {
    if (defined $in_w) { close $in_w; undef $in_w; }
    $pending = '';
    $phase = 'drain';
}

sub next_test {
    if ($run + 1 < $repeat && defined $line) {
        $run++;
    } else {
        $line = <$tests>;
        $run = 0;
        if (!defined $line) { stop_input(); return; }
        $line .= "\n" unless $line =~ /\n\z/;
        $index++;
    }
    $pending = $line;
    $sent_cpu = cpu_ns();
    $sent_at = now_ns();
    $phase = 'test';
    put("s $index $run\n");
}

sub on_frame {
    if ($phase eq 'load') {
        if ($head =~ /^\@rehearse \{\s*"t"\s*:\s*"ready"/) { next_test(); } else { stop_input(); }
    } elsif ($phase eq 'test') {
        put("t $index $run " . test_ns_used() . ' ' . peak_kb() . "\n");
        next_test();
    }
}

# Forwards what the program printed on stdout, noticing each frame line it completes: the
# answer to the test in hand is the first frame line after the test was handed over.
sub stdout_data {
    my ($data) = @_;
    if (!$judge) { chunk('o', $data); return; }
    my ($pos, $from) = (0, 0);
    while ($pos < length $data) {
        my $nl = index($data, "\n", $pos);
        my $end = $nl < 0 ? length $data : $nl + 1;
        $head .= substr($data, $pos, ($end - $pos < 64 - length $head) ? $end - $pos : 64 - length $head)
            if length($head) < 64;
        $pos = $end;
        next if $nl < 0;
        if (substr($head, 0, length $FRAME) eq $FRAME) {
            chunk('o', substr($data, $from, $end - $from));
            $from = $end;
            on_frame();
        }
        $head = '';
    }
    chunk('o', substr($data, $from)) if $from < length $data;
}

# What the test in hand has cost so far: CPU, or wall time where CPU cannot be read.
sub test_ns_used {
    my $cpu = defined $sent_cpu ? cpu_ns() : undef;
    return defined $cpu ? $cpu - $sent_cpu : now_ns() - $sent_at;
}

sub peak_kb {
    open(my $fh, '<', "/proc/$pid/status") or return 0;
    while (<$fh>) { return $1 if /^VmHWM:\s+(\d+)/; }
    return 0;
}

sub cgroup {
    my ($oom, $peak) = (0, 0);
    for my $f ('/sys/fs/cgroup/memory/memory.oom_control', '/sys/fs/cgroup/memory.events') {
        next unless open(my $fh, '<', $f);
        while (<$fh>) { $oom = $1 if /^oom_kill (\d+)/; }
    }
    for my $f ('/sys/fs/cgroup/memory/memory.max_usage_in_bytes', '/sys/fs/cgroup/memory.peak') {
        next unless open(my $fh, '<', $f);
        my $v = <$fh>;
        if (defined $v && $v =~ /^(\d+)/) { $peak = $1; last; }
    }
    return ($oom, $peak);
}

sub finish {
    my ($code, $signal) = @_;
    my ($oom, $peak) = cgroup();
    put("x $code $signal $oom $peak\n");
    exit 0;
}

sub stopped {
    put("k $_[0] $index $run\n");
    finish(-1, 0);
}

sub reap {
    my ($flags) = @_;
    my $got = waitpid($pid, $flags);
    return 0 unless $got == $pid;
    $status = $?;
    return 1;
}

sub nonblocking {
    my ($fh) = @_;
    fcntl($fh, $F_SETFL, fcntl($fh, $F_GETFL, 0) | $O_NONBLOCK);
}

# What the program wrote on one of its streams: counted against the cap, then passed on.
sub received {
    my ($tag, $data) = @_;
    $total{$tag} += length $data;
    stopped('output_' . ($tag eq 'o' ? 'stdout' : 'stderr')) if $total{$tag} > $cap{$tag};
    $tag eq 'o' ? stdout_data($data) : chunk('e', $data);
}

sub drain_ready {
    for my $tag ('o', 'e') {
        my $fh = $open{$tag} or next;
        nonblocking($fh);
        while (1) {
            my $n = sysread($fh, my $data, 65536);
            last unless $n;
            received($tag, $data);
        }
    }
}

while (1) {
    my $now = now_ns();
    stopped('wall') if $now >= $deadline;
    my $until = $deadline;
    if ($phase eq 'test' && $test_ns) {
        stopped('test_time') if test_ns_used() >= $test_ns;
        stopped('test_wall') if $now >= $sent_at + $test_wall_ns;
        # CPU is read at each wake-up: wake often enough to stop a test near its limit.
        my $soon = $now + ($test_ns / 20 < 25_000_000 ? $test_ns / 20 : 25_000_000);
        $until = $soon if $soon < $until;
    }
    if (!$open{o} && !$open{e}) {
        # Both streams closed: the program has ended, or closed them and runs on.
        last if reap($WNOHANG);
        select(undef, undef, undef, 0.0005);
        next;
    }
    my ($rin, $win) = ('', '');
    vec($rin, fileno($open{$_}), 1) = 1 for grep { $open{$_} } 'o', 'e';
    vec($win, fileno($in_w), 1) = 1 if defined $in_w && length $pending;
    my $wait = ($until - $now) / 1e9;
    $wait = 0.1 if $wait > 0.1;
    my ($rout, $wout) = ($rin, $win);
    my $n = select($rout, length $win ? $wout : undef, undef, $wait);
    if ($n > 0) {
        if (length $win && vec($wout, fileno($in_w), 1)) {
            my $w = syswrite($in_w, $pending);
            if (defined $w) {
                substr($pending, 0, $w) = '';
            } elsif ($! != $EAGAIN && $! != $EINTR) {
                stop_input();
            }
        }
        for my $tag ('o', 'e') {
            my $fh = $open{$tag} or next;
            next unless vec($rout, fileno($fh), 1);
            my $got = sysread($fh, my $data, 65536);
            if (!$got) {
                next if !defined $got && $! == $EINTR;
                close $fh;
                delete $open{$tag};
                next;
            }
            received($tag, $data);
        }
    }
    if (reap($WNOHANG)) {
        # Ended; what it wrote before is still in the pipes (a process it left behind may
        # hold them open, so take only what is there).
        drain_ready();
        last;
    }
}
finish(($status & 127) ? -1 : $status >> 8, $status & 127);
