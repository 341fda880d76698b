export { carriesPixel, openRecordingFor, type OpenPolicy, type OpenRecording } from './email-opens';
