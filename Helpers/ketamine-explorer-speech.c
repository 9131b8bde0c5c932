/*
 * ketamine-explorer-speech: reads text aloud for the explorer.
 *
 * Why a separate program: the explorer is one static executable, and espeak-ng's audio goes
 * through pcaudio, which needs the ALSA and PulseAudio shared libraries. So the explorer starts
 * this helper once, from a fixed absolute path, before the kiosk locks itself down, and keeps
 * it for its whole life; the two talk over pipes. Speech stays quick (no program to start per
 * key) and the device is opened once.
 *
 *   ketamine-explorer-speech                          speak on the audio device
 *   ketamine-explorer-speech --sink FILE              write raw S16LE mono samples to FILE, paced
 *                                                     as a device would play them (tests, bench)
 *   ketamine-explorer-speech --sink FILE --unpaced    the same, as fast as synthesis goes (export)
 *
 * Protocol, one line each way, fields separated by one TAB:
 *   first line out   ready<TAB>RATE, or unavailable<TAB>REASON and exit 0
 *   in  say<TAB>VOICE<TAB>WPM<TAB>CHUNK[<TAB>CHUNK...]   stop what is being said, say these
 *   in  stop                                             stop at once
 *   out chunk<TAB>N    chunk N's first samples went to the sink
 *   out done           the last chunk's samples have all gone to the sink
 *   out stopped        a say was cut short (by stop or a new say)
 *   out unavailable<TAB>REASON   the sink failed while speaking (it will not come back): exit 0
 * End of input means the explorer has gone: exit 0, also mid-sentence. Lines not understood
 * are ignored. What is said is what a patient chose: it is wiped from memory after each say
 * and never written anywhere.
 *
 * Build: cc -O2 -Wall -Wextra -o ketamine-explorer-speech ketamine-explorer-speech.c -lespeak-ng -lpcaudio
 */
#define _DEFAULT_SOURCE /* explicit_bzero */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <espeak-ng/espeak_ng.h>
#include <pcaudiolib/audio.h>

#define NS_PER_S 1000000000ull
/* A paced sink keeps at most this much audio ahead of the clock, as a device's buffer would. */
#define PACED_LEAD_NS (40ull * 1000000ull)

/* ---- Where the samples go ---- */

static struct audio_object *device; /* NULL when writing to a sink file */
static int sink_fd = -1;
static bool paced = true;
static int sample_rate;

/* A model of the listener's clock: the audio queued since playing last started, and when that
 * was. Paces the sink file, and tells whether queued audio may still be sounding. */
static uint64_t clock_start_ns;
static uint64_t clock_frames;

/* ---- Input: one buffer, one reader ---- */

static struct {
    char *data;
    size_t len;  /* bytes held */
    size_t cap;
    size_t next; /* first byte not yet returned as part of a line */
    size_t last; /* where the line last returned starts, for unread_line */
    bool eof;
} in;

/* ---- The say being carried out ---- */

static char *say_text; /* a copy of the say line; the chunks point into it */
static size_t say_cap, say_len;
static const char **chunks;
static size_t chunks_cap;

static enum { GOING, STOP, NEW_SAY, SINK_FAILED, GONE } interrupt;
static char sink_error[128]; /* why the sound output failed, with SINK_FAILED */
static bool scrubbing; /* synthesizing only to overwrite espeak-ng's copies of the text */
static size_t current_chunk;
static bool chunk_sounding;

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
}

/* Leaves nothing a patient chose in memory on the way out. */
static _Noreturn void leave(void)
{
    if (in.data)
        explicit_bzero(in.data, in.cap);
    if (say_text)
        explicit_bzero(say_text, say_cap);
    exit(0);
}

/* Like realloc, but the old block is wiped before it is freed: it may hold spoken text. */
static void *grow(void *old, size_t old_size, size_t new_size)
{
    char *bigger = malloc(new_size);
    if (!bigger)
        leave(); /* the explorer sees the pipe close and carries on without speech */
    if (old) {
        memcpy(bigger, old, old_size);
        explicit_bzero(old, old_size);
        free(old);
    }
    return bigger;
}

/* One protocol line to the explorer, at once. If it has gone, so do we. */
static void reply(const char *format, ...)
{
    char line[300];
    va_list args;
    va_start(args, format);
    int n = vsnprintf(line, sizeof line - 1, format, args);
    va_end(args);
    if (n < 0)
        return;
    if ((size_t)n > sizeof line - 2)
        n = sizeof line - 2;
    line[n++] = '\n';
    for (int sent = 0; sent < n;) {
        ssize_t w = write(STDOUT_FILENO, line + sent, (size_t)(n - sent));
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            leave();
        sent += (int)w;
    }
}

/*
 * The next complete line from stdin without its newline, or NULL if none came within
 * timeout_ms (-1: wait for one; NULL then means end of input). The line stays valid until the
 * next call. Lines may be long (a whole panel), so the buffer grows.
 */
static char *next_line(int timeout_ms)
{
    for (;;) {
        char *newline = memchr(in.data + in.next, '\n', in.len - in.next);
        if (newline) {
            *newline = '\0';
            in.last = in.next;
            in.next = (size_t)(newline - in.data) + 1;
            return in.data + in.last;
        }
        if (in.eof)
            return NULL;
        /* Keep only the unfinished line, at the front; wipe what it leaves behind. */
        if (in.next > 0) {
            size_t rest = in.len - in.next;
            memmove(in.data, in.data + in.next, rest);
            explicit_bzero(in.data + rest, in.len - rest);
            in.len = rest;
            in.next = in.last = 0;
        }
        if (in.len == in.cap) {
            size_t cap = in.cap ? in.cap * 2 : 4096;
            in.data = grow(in.data, in.cap, cap);
            in.cap = cap;
        }
        struct pollfd fd = { .fd = STDIN_FILENO, .events = POLLIN };
        int ready = poll(&fd, 1, timeout_ms);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            return NULL;
        ssize_t got = read(STDIN_FILENO, in.data + in.len, in.cap - in.len);
        if (got < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (got <= 0) {
            in.eof = true; /* a read error means the same: the explorer cannot reach us */
            return NULL;
        }
        in.len += (size_t)got;
        /* Data came: look for a line in it, but do not wait again past the caller's time. */
        if (timeout_ms > 0)
            timeout_ms = 0;
    }
}

/* Puts back the line next_line just returned, for the main loop to read again. */
static void unread_line(void)
{
    in.data[in.next - 1] = '\n';
    in.next = in.last;
}

static void forget_line(char *line)
{
    explicit_bzero(line, strlen(line));
}

/* A say line the main loop can carry out: a voice, a rate and at least one chunk. */
static bool is_say(const char *line)
{
    if (strncmp(line, "say\t", 4) != 0)
        return false;
    int tabs = 0;
    for (const char *c = line; *c; c++)
        tabs += *c == '\t';
    return tabs >= 3;
}

/*
 * Reads what the explorer sent while we speak, waiting up to timeout_ms. True if speech must
 * stop: a stop (consumed), a new say (left for the main loop), or the explorer gone.
 */
static bool input_interrupts(int timeout_ms)
{
    char *line;
    while ((line = next_line(timeout_ms)) != NULL) {
        if (strcmp(line, "stop") == 0) {
            interrupt = STOP;
            return true;
        }
        if (is_say(line)) {
            unread_line();
            interrupt = NEW_SAY;
            return true;
        }
        forget_line(line);
        timeout_ms = 0;
    }
    if (in.eof) {
        interrupt = GONE;
        return true;
    }
    return false;
}

/* ---- The sink ---- */

static uint64_t play_end_ns(void)
{
    return clock_start_ns + clock_frames * NS_PER_S / (uint64_t)sample_rate;
}

static bool still_playing(void)
{
    return play_end_ns() > now_ns();
}

/* Drops what has been queued but not heard yet, so speech stops at once. */
static void drop_queued_audio(void)
{
    if (device)
        audio_object_flush(device); /* pcaudio's ALSA output reopens the device to empty it */
    clock_start_ns = now_ns();
    clock_frames = 0;
}

/* Waits, reading stdin meanwhile, until these frames would be no more than PACED_LEAD_NS
 * ahead of the listener. True if speech must stop instead. */
static bool wait_for_room(uint64_t frames)
{
    for (;;) {
        uint64_t now = now_ns();
        if (play_end_ns() <= now) { /* all heard: playing starts afresh */
            clock_start_ns = now;
            clock_frames = 0;
        }
        uint64_t end = clock_start_ns + (clock_frames + frames) * NS_PER_S / (uint64_t)sample_rate;
        if (clock_frames == 0 || end <= now + PACED_LEAD_NS)
            return false;
        uint64_t wait = end - now - PACED_LEAD_NS;
        if (input_interrupts((int)((wait + 999999) / 1000000)))
            return true;
    }
}

static bool write_samples(const short *samples, int count)
{
    size_t bytes = (size_t)count * sizeof *samples;
    if (device) {
        int error = audio_object_write(device, samples, bytes);
        if (error != 0) {
            const char *why = audio_object_strerror(device, error);
            snprintf(sink_error, sizeof sink_error, "%s", why ? why : "unknown error");
        }
        return error == 0;
    }
    for (size_t done = 0; done < bytes;) {
        ssize_t w = write(sink_fd, (const char *)samples + done, bytes - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            snprintf(sink_error, sizeof sink_error, "%s", w < 0 ? strerror(errno) : "nothing written");
            return false;
        }
        done += (size_t)w;
    }
    return true;
}

/*
 * espeak-ng calls this with each buffer of samples (NULL at the end of a chunk); returning 1
 * makes it stop. Checking stdin here, between buffers, is what lets a key stop speech at once.
 * espeak-ng 1.51 gives 1081 samples (49 ms) a time whatever buffer length was asked for, more
 * than a paced sink may hold, so a paced sink takes them in 10 ms slices, as a device would.
 */
static int on_samples(short *samples, int count, espeak_EVENT *events)
{
    (void)events;
    if (scrubbing || interrupt != GOING)
        return 1;
    if (!samples || count <= 0)
        return input_interrupts(0);
    bool pacing = !device && paced;
    int slice = pacing ? sample_rate / 100 : count;
    for (int at = 0; at < count; at += slice) {
        int frames = count - at < slice ? count - at : slice;
        if (pacing ? wait_for_room((uint64_t)frames) : input_interrupts(0))
            return 1;
        if (play_end_ns() <= now_ns()) { /* nothing queued: playing starts afresh */
            clock_start_ns = now_ns();
            clock_frames = 0;
        }
        if (!write_samples(samples + at, frames)) {
            interrupt = SINK_FAILED;
            return 1;
        }
        clock_frames += (uint64_t)frames;
        if (!chunk_sounding) {
            chunk_sounding = true;
            reply("chunk\t%zu", current_chunk);
        }
    }
    return 0;
}

/* ---- Saying ---- */

/* Fills the stack below the caller with zeros: espeak-ng's frames leave words there. Not
 * inlined, so the area lies where espeak-ng's frames were. */
__attribute__((noinline)) static void wipe_stack(void)
{
    char area[256 * 1024];
    explicit_bzero(area, sizeof area);
}

/*
 * espeak-ng keeps the last clauses it read in its own buffers (whole chunks, still there after
 * a say ends). Having it read one long clause of "the the the ...", and stopping at its first
 * samples, overwrites them: 0.6 ms.
 */
static void forget_engine_text(void)
{
    static char filler[1601]; /* longer than the longest clause espeak-ng reads (800 bytes) */
    if (!filler[0])
        for (size_t i = 0; i < sizeof filler - 1; i++)
            filler[i] = "the "[i % 4];
    scrubbing = true;
    espeak_ng_Synthesize(filler, sizeof filler, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
    scrubbing = false;
    wipe_stack();
}

static _Noreturn void unavailable(const char *format, ...);

/* Carries out the say line in say_text, chunk by chunk, and wipes it. */
static void say(void)
{
    static char last_voice[64];
    size_t count = 0;
    char *fields[3];
    int field = 0;
    char *cursor = say_text;
    /* say, voice, rate, then the chunks: split at each TAB, in place */
    for (;;) {
        char *tab = strchr(cursor, '\t');
        if (tab)
            *tab = '\0';
        if (field < 3) {
            fields[field++] = cursor;
        } else {
            if (count == chunks_cap) {
                size_t cap = chunks_cap ? chunks_cap * 2 : 16;
                chunks = grow(chunks, chunks_cap * sizeof *chunks, cap * sizeof *chunks);
                chunks_cap = cap;
            }
            chunks[count++] = cursor;
        }
        if (!tab)
            break;
        cursor = tab + 1;
    }

    /* Loading a voice takes a few milliseconds: only when it changes. */
    const char *voice = fields[1];
    if (strcmp(voice, last_voice) != 0) {
        if (espeak_ng_SetVoiceByName(voice) == ENS_OK && strlen(voice) < sizeof last_voice)
            strcpy(last_voice, voice);
        else
            last_voice[0] = '\0'; /* unknown voice: the one before goes on; try again next time */
    }
    long wpm = strtol(fields[2], NULL, 10);
    if (wpm <= 0)
        wpm = espeakRATE_NORMAL;
    wpm = wpm < espeakRATE_MINIMUM ? espeakRATE_MINIMUM : wpm > espeakRATE_MAXIMUM ? espeakRATE_MAXIMUM : wpm;
    espeak_ng_SetParameter(espeakRATE, (int)wpm, 0);

    /* One chunk per call, so we know which one is sounding. */
    interrupt = GOING;
    for (size_t i = 0; i < count && interrupt == GOING; i++) {
        current_chunk = i;
        chunk_sounding = false;
        espeak_ng_Synthesize(chunks[i], strlen(chunks[i]) + 1, 0, POS_CHARACTER, 0,
                             espeakCHARS_UTF8, NULL, NULL);
    }
    explicit_bzero(say_text, say_len);
    if (interrupt == GONE)
        leave();
    /* A sound server that went away or a device unplugged does not come back to this
     * connection: the explorer is told, says "No sound here" once and goes on in silence,
     * instead of asking again for words nobody hears. */
    if (interrupt == SINK_FAILED)
        unavailable("the sound output failed: %s", sink_error);
    if (interrupt == GOING) {
        reply("done");
    } else {
        drop_queued_audio();
        reply("stopped");
    }
    forget_engine_text();
}

/* ---- Start-up ---- */

static _Noreturn void unavailable(const char *format, ...)
{
    char reason[256];
    va_list args;
    va_start(args, format);
    vsnprintf(reason, sizeof reason, format, args);
    va_end(args);
    reply("unavailable\t%s", reason);
    leave();
}

static void open_sink(const char *sink_path)
{
    if (sink_path) {
        sink_fd = open(sink_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (sink_fd < 0)
            unavailable("the sound file could not be opened: %s", strerror(errno));
        fchmod(sink_fd, 0600); /* an existing file keeps its mode otherwise */
        return;
    }
    device = create_audio_device_object(NULL, "ketamine-explorer", "Speech");
    if (!device)
        unavailable("no audio device (no sound server, and no ALSA or OSS output)");
    int error = audio_object_open(device, AUDIO_OBJECT_FORMAT_S16LE, (uint32_t)sample_rate, 1);
    if (error != 0) {
        /* pcaudio returns a PulseAudio object only once a trial connection has worked, so a
         * device that will not open is ALSA's. */
        const char *why = audio_object_strerror(device, error);
        unavailable("no audio device (ALSA: %s)", why ? why : "unknown error");
    }
}

int main(int argc, char **argv)
{
    const char *sink_path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--sink") == 0 && i + 1 < argc) {
            sink_path = argv[++i];
        } else if (strcmp(argv[i], "--unpaced") == 0) {
            paced = false;
        } else {
            fprintf(stderr, "usage: %s [--sink FILE [--unpaced]]\n", argv[0]);
            return 2;
        }
    }
    if (!paced && !sink_path) {
        fprintf(stderr, "%s: --unpaced needs --sink FILE\n", argv[0]);
        return 2;
    }

    /* What a patient chose to hear is never written to disk, not even by a crash: no core
     * file, whichever way the explorer was started (the kiosk unit's LimitCORE=0 covers only
     * the unit, and the explorer's own limits are set after this helper starts). */
    setrlimit(RLIMIT_CORE, &(struct rlimit){ 0, 0 });
    /* Keys meant for the explorer must not stop us; a closed pipe is noticed as an error. */
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGTSTP, SIG_IGN);
    signal(SIGPIPE, SIG_IGN);
    /* alsa-lib and espeak-ng print their own complaints; the reason goes in the first line,
     * and nothing said should ever end up in a log. */
    int null_fd = open("/dev/null", O_WRONLY);
    if (null_fd >= 0) {
        dup2(null_fd, STDERR_FILENO);
        if (null_fd != STDERR_FILENO)
            close(null_fd);
    }

    espeak_ng_InitializePath(NULL);
    espeak_ng_ERROR_CONTEXT context = NULL;
    espeak_ng_STATUS status = espeak_ng_Initialize(&context);
    if (status == ENS_OK)
        status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 20, NULL);
    if (status != ENS_OK) {
        char message[200];
        espeak_ng_GetStatusCodeMessage(status, message, sizeof message);
        unavailable("the speech engine could not start: %s", message);
    }
    espeak_ng_ClearErrorContext(&context);
    sample_rate = espeak_ng_GetSampleRate();
    espeak_SetSynthCallback(on_samples);
    open_sink(sink_path);
    reply("ready\t%d", sample_rate);

    char *line;
    while ((line = next_line(-1)) != NULL) {
        if (is_say(line)) {
            size_t length = strlen(line);
            if (length + 1 > say_cap) {
                say_text = grow(say_text, say_cap, length + 1);
                say_cap = length + 1;
            }
            memcpy(say_text, line, length + 1);
            say_len = length;
            forget_line(line);
            /* Cut off the end of the last say, if it may still be sounding. */
            if (still_playing())
                drop_queued_audio();
            say();
        } else {
            /* A stop with nothing being said only drops what may still sound. */
            if (strcmp(line, "stop") == 0 && still_playing())
                drop_queued_audio();
            forget_line(line);
        }
    }
    leave();
}
