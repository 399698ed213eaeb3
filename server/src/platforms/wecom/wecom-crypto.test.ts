import { createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  computeSignature,
  decryptMessage,
  encryptMessage,
  openCallback,
  sealCallback,
  WecomCryptoError,
} from './wecom-crypto.ts';

/**
 * Official vectors.
 * - Doc 91144 ("加解密方案说明") and the official SDK samples share one: token QDG6eK, EncodingAESKey
 *   jWmYm7…B2C, receive id wx5823bf96d3bd56c7; a GET URL verification and an encrypted POST.
 *   Sources: github.com/sbzhu/weworkapi_php callback/Sample.php (the POST's expected plaintext is written
 *   out there) and github.com/sbzhu/weworkapi_golang sample.go.
 * - github.com/sbzhu/weworkapi_python callback/Sample.py: token hJqcu3…EPYo, EncodingAESKey 6qkdMr…hUt,
 *   corp id ww1436e0e65a779aee; a GET verification and an encrypted POST answered with "你好".
 */
const doc = {
  token: 'QDG6eK',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  receiveId: 'wx5823bf96d3bd56c7',
};
const docGet = {
  msgSignature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
  timestamp: '1409659589',
  nonce: '263014780',
  encrypt: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
};
const docPost = {
  msgSignature: '477715d11cdb4164915debcba66cb864d751f3e6',
  timestamp: '1409659813',
  nonce: '1372623149',
  encrypt:
    'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
};
const docPostPlain =
  '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>';

const python = {
  token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo',
  encodingAesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
  receiveId: 'ww1436e0e65a779aee',
};
const pythonGet = {
  msgSignature: '012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb',
  timestamp: '1476416373',
  nonce: '47744683',
  encrypt: 'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==',
};
const pythonPost = {
  msgSignature: '0c3914025cb4b4d68103f6bfc8db550f79dcf48e',
  timestamp: '1476422779',
  nonce: '1597212914',
  encrypt:
    'Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+',
};

const at = (timestamp: string) => ({
  now: new Date(Number(timestamp) * 1000 + 2_000),
  replayWindowMs: 300_000,
});
const failureOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof WecomCryptoError ? error.reason : `unexpected ${String(error)}`;
  }
  return 'no error';
};

describe('WeCom callback crypto against the official vectors', () => {
  it('verifies the doc 91144 GET and decrypts its echostr to 1616140317555161061', () => {
    expect(computeSignature({ token: doc.token, ...docGet })).toBe(docGet.msgSignature);
    expect(openCallback(doc, docGet, at(docGet.timestamp))).toBe('1616140317555161061');
  });

  it('verifies and decrypts the SDK samples POST to the plaintext the PHP sample prints', () => {
    expect(openCallback(doc, docPost, at(docPost.timestamp))).toBe(docPostPlain);
  });

  it('verifies and decrypts the Python SDK sample (its own token, key and corp id)', () => {
    expect(openCallback(python, pythonGet, at(pythonGet.timestamp))).toBe('1288432023552776189');
    expect(openCallback(python, pythonPost, at(pythonPost.timestamp))).toBe(
      '<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>',
    );
  });

  it('reproduces the official ciphertext from its random prefix, and round-trips any message', () => {
    // The sample's 16 random bytes lead its plaintext; encrypting again with them must give the same bytes.
    const key = Buffer.from(`${doc.encodingAesKey}=`, 'base64');
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    const raw = Buffer.concat([decipher.update(Buffer.from(docGet.encrypt, 'base64')), decipher.final()]);
    expect(encryptMessage(doc, '1616140317555161061', raw.subarray(0, 16))).toBe(docGet.encrypt);

    const sealed = sealCallback(doc, '<xml><Event>x</Event></xml>', {
      timestamp: 1_700_000_000,
      nonce: 'n1',
    });
    const params = { msgSignature: sealed.query.msg_signature, ...sealed.query, encrypt: sealed.encrypt };
    expect(openCallback(doc, params, at('1700000000'))).toBe('<xml><Event>x</Event></xml>');
    const long = '企'.repeat(1000);
    expect(decryptMessage(doc, encryptMessage(doc, long))).toBe(long);
  });
});

describe('WeCom callback crypto refuses', () => {
  it('a tampered signature, a tampered ciphertext and a signature from another token', () => {
    expect(
      failureOf(() =>
        openCallback(
          doc,
          { ...docGet, msgSignature: `0${docGet.msgSignature.slice(1)}` },
          at(docGet.timestamp),
        ),
      ),
    ).toBe('signature');
    const flipped = `${docPost.encrypt.slice(0, 10)}A${docPost.encrypt.slice(11)}`;
    expect(failureOf(() => openCallback(doc, { ...docPost, encrypt: flipped }, at(docPost.timestamp)))).toBe(
      'signature',
    );
    expect(failureOf(() => openCallback({ ...doc, token: 'other' }, docGet, at(docGet.timestamp)))).toBe(
      'signature',
    );
  });

  it('a plaintext addressed to another corp id, even when correctly signed', () => {
    expect(
      failureOf(() => openCallback({ ...doc, receiveId: 'ww-another-corp' }, docGet, at(docGet.timestamp))),
    ).toBe('receive_id');
    const sealed = sealCallback({ ...doc, receiveId: 'ww-attacker' }, '<xml/>', {
      timestamp: 1_700_000_000,
      nonce: 'n',
    });
    expect(
      failureOf(() =>
        openCallback(
          doc,
          { msgSignature: sealed.query.msg_signature, ...sealed.query, encrypt: sealed.encrypt },
          at('1700000000'),
        ),
      ),
    ).toBe('receive_id');
  });

  it('a replayed old timestamp, and one from the future', () => {
    const late = { now: new Date(Number(docGet.timestamp) * 1000 + 301_000), replayWindowMs: 300_000 };
    expect(failureOf(() => openCallback(doc, docGet, late))).toBe('stale');
    const early = { now: new Date(Number(docGet.timestamp) * 1000 - 301_000), replayWindowMs: 300_000 };
    expect(failureOf(() => openCallback(doc, docGet, early))).toBe('stale');
  });

  it('missing parameters and a malformed EncodingAESKey', () => {
    expect(failureOf(() => openCallback(doc, { ...docGet, nonce: null }, at(docGet.timestamp)))).toBe(
      'missing',
    );
    expect(failureOf(() => decryptMessage({ ...doc, encodingAesKey: 'short' }, docGet.encrypt))).toBe(
      'bad_key',
    );
    expect(failureOf(() => decryptMessage(doc, 'AAAA'))).toBe('decrypt');
  });
});
