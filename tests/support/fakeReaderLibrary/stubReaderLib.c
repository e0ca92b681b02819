/*
 * A stand-in for the card readers' vendor libraries (issue 25): the same exported symbols as the
 * SDT_* family (sdtapi.dll and its Linux builds), the CVR_* family (Termb.dll) and the WLT photo
 * decoder (libwlt2bmp.so's unpack), with the signatures the vendors' SDKs document. Built by the
 * tests with `cc -shared -fPIC` (tests/support/fakeReaderLibrary/fakeReaderLibrary.ts).
 *
 * It behaves like a reader with a card on it, driven by files in the directory named by
 * STUB_READER_DIR, which the tests write:
 *   mode        none | no_device | unreadable | hang | unplugged | timeout_code | bad_port
 *   card.bin    the chip's 256-byte UCS-2 text block (SDT_ReadBaseMsg)
 *   fields.gbk  the CVR library's fields, one "key=value" a line, in GBK / GB 18030
 *   photo.bin   the photo as the decoder (or GetBMPData) hands it over
 *   samid       the security module's id
 *   hold        while it exists, the read call waits (a read in progress)
 * and it keeps its own state there: read_done once the card was read (the chip stays silent until
 * the card is lifted and placed again) and calls.log, one line per call.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *dir(void) {
  const char *d = getenv("STUB_READER_DIR");
  return d ? d : ".";
}

static void path_of(char *out, size_t size, const char *name) { snprintf(out, size, "%s/%s", dir(), name); }

static long read_file(const char *name, unsigned char *buf, long max) {
  char p[4096];
  path_of(p, sizeof p, name);
  FILE *f = fopen(p, "rb");
  if (!f) return -1;
  long n = (long)fread(buf, 1, (size_t)max, f);
  fclose(f);
  return n;
}

static int exists(const char *name) {
  char p[4096];
  path_of(p, sizeof p, name);
  return access(p, F_OK) == 0;
}

static void touch(const char *name) {
  char p[4096];
  path_of(p, sizeof p, name);
  FILE *f = fopen(p, "wb");
  if (f) fclose(f);
}

static void log_call(const char *name) {
  char p[4096];
  path_of(p, sizeof p, "calls.log");
  FILE *f = fopen(p, "ab");
  if (!f) return;
  fprintf(f, "%s\n", name);
  fclose(f);
}

static int mode_is(const char *want) {
  unsigned char buf[64] = {0};
  long n = read_file("mode", buf, sizeof buf - 1);
  if (n <= 0) return strcmp(want, "none") == 0;
  while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' ')) buf[--n] = 0;
  return strcmp((const char *)buf, want) == 0;
}

/* A read in progress (hold) or a reader that never answers (hang): the call blocks. */
static void wait_while_held(void) {
  while (exists("hold") || mode_is("hang")) usleep(2000);
}

static int card_ready(void) { return (exists("card.bin") || exists("fields.gbk")) && !exists("read_done"); }

/* ---- SDT_* family: 0x90 done, 0x9F card found, 0x80 no card, 0x81 select failed,
 *      0x41 read failed, 0x01 port not open, 0x02 receive timeout. ---- */

int SDT_OpenPort(int port) {
  log_call("SDT_OpenPort");
  if (mode_is("no_device") || mode_is("bad_port") || port <= 0) return 0x01;
  return 0x90;
}

int SDT_ClosePort(int port) {
  (void)port;
  log_call("SDT_ClosePort");
  return 0x90;
}

int SDT_StartFindIDCard(int port, unsigned char *manaInfo, int ifOpen) {
  (void)port;
  (void)ifOpen;
  log_call("SDT_StartFindIDCard");
  if (mode_is("unplugged")) return 0x01;
  if (manaInfo) memset(manaInfo, 0, 4);
  return card_ready() ? 0x9F : 0x80;
}

int SDT_SelectIDCard(int port, unsigned char *manaMsg, int ifOpen) {
  (void)port;
  (void)ifOpen;
  log_call("SDT_SelectIDCard");
  if (manaMsg) memset(manaMsg, 0, 8);
  return card_ready() ? 0x90 : 0x81;
}

int SDT_ReadBaseMsg(int port, unsigned char *chMsg, unsigned int *chLen, unsigned char *phMsg, unsigned int *phLen, int ifOpen) {
  (void)port;
  (void)ifOpen;
  log_call("SDT_ReadBaseMsg");
  wait_while_held();
  if (mode_is("unreadable")) return 0x41;
  if (mode_is("timeout_code")) return 0x02;
  long n = read_file("card.bin", chMsg, 256);
  if (n != 256) return 0x41;
  *chLen = 256;
  /* The chip's photo is 1024 bytes of WLT; the stub's decoder reads photo.bin instead. */
  memset(phMsg, 0x57, 1024);
  *phLen = 1024;
  touch("read_done");
  return 0x90;
}

int SDT_GetSAMIDToStr(int port, char *samId, int ifOpen) {
  (void)port;
  (void)ifOpen;
  unsigned char buf[64] = {0};
  long n = read_file("samid", buf, sizeof buf - 1);
  if (n <= 0) return 0x24;
  memcpy(samId, buf, (size_t)n + 1);
  return 0x90;
}

/* ---- The WLT decoder (libwlt2bmp): 1 done, anything else failed; dst holds a 38,862-byte BMP.
 *      The stub fails as a real decoder does on a damaged WLT: when photo.bin is not a whole BMP. */

int unpack(char *src, char *dst, int bmpSave) {
  (void)src;
  (void)bmpSave;
  static unsigned char buf[38862];
  long n = read_file("photo.bin", buf, sizeof buf);
  if (n < 54 || buf[0] != 'B' || buf[1] != 'M') return -1;
  long size = (long)(buf[2] | buf[3] << 8 | buf[4] << 16 | (long)buf[5] << 24);
  if (size != n) return -1;
  memset(dst, 0, sizeof buf);
  memcpy(dst, buf, (size_t)n);
  return 1;
}

/* ---- CVR_* family (Termb.dll): 1 done; InitComm 2 = port not opened; Authenticate 2 = no card
 *      found, 3 = card not selected, 4 = reader not connected; Read_FPContent 0 = failed. ---- */

int CVR_InitComm(int port) {
  log_call("CVR_InitComm");
  if (mode_is("no_device") || mode_is("bad_port") || port <= 0) return 2;
  return 1;
}

int CVR_CloseComm(void) {
  log_call("CVR_CloseComm");
  return 1;
}

int CVR_Authenticate(void) {
  log_call("CVR_Authenticate");
  if (mode_is("unplugged")) return 4;
  return card_ready() ? 1 : 2;
}

int CVR_Read_FPContent(void) {
  log_call("CVR_Read_FPContent");
  wait_while_held();
  if (mode_is("unreadable") || mode_is("timeout_code")) return 0;
  if (!exists("fields.gbk")) return 0;
  touch("read_done");
  return 1;
}

/* One field of fields.gbk, as the library's Get* calls hand it over (bytes, length). */
static int field(const char *key, unsigned char *out, int *len) {
  static unsigned char text[4096];
  long n = read_file("fields.gbk", text, sizeof text - 1);
  if (n < 0) return 0;
  text[n] = 0;
  size_t k = strlen(key);
  for (char *line = (char *)text; line && *line;) {
    char *next = strchr(line, '\n');
    if (next) *next++ = 0;
    if (strncmp(line, key, k) == 0 && line[k] == '=') {
      size_t v = strlen(line + k + 1);
      memcpy(out, line + k + 1, v);
      out[v] = 0;
      *len = (int)v;
      return 1;
    }
    line = next;
  }
  out[0] = 0;
  *len = 0;
  return 1;
}

int GetCertType(unsigned char *s, int *len) { return field("type", s, len); }
int GetPeopleName(unsigned char *s, int *len) { return field("name", s, len); }
int GetPeopleChineseName(unsigned char *s, int *len) { return field("chinese_name", s, len); }
int GetPeopleSex(unsigned char *s, int *len) { return field("sex", s, len); }
int GetPeopleNation(unsigned char *s, int *len) { return field("nation", s, len); }
int GetNationCode(unsigned char *s, int *len) { return field("nation_code", s, len); }
int GetPeopleBirthday(unsigned char *s, int *len) { return field("birth", s, len); }
int GetPeopleAddress(unsigned char *s, int *len) { return field("address", s, len); }
int GetPeopleIDCode(unsigned char *s, int *len) { return field("number", s, len); }
int GetDepartment(unsigned char *s, int *len) { return field("authority", s, len); }
int GetStartDate(unsigned char *s, int *len) { return field("start", s, len); }
int GetEndDate(unsigned char *s, int *len) { return field("end", s, len); }

int GetBMPData(unsigned char *data, int *len) {
  long n = read_file("photo.bin", data, *len);
  if (n < 0) return 0;
  *len = (int)n;
  return 1;
}

int CVR_GetSAMID(char *samId) {
  unsigned char buf[64] = {0};
  long n = read_file("samid", buf, sizeof buf - 1);
  if (n <= 0) return 0;
  memcpy(samId, buf, (size_t)n + 1);
  return 1;
}
