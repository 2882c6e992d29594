import { runServer } from './main';

runServer(process.argv.slice(2));
